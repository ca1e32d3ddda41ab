const WORDY = /[\p{L}\p{N}]/u
const SPACES = /\s+/

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/**
 * Counts words as `countWords` does (runs of non-space characters holding a letter or digit) over text given in
 * pieces: `add` appends text, `boundary` appends a space. Counting `a`, then `b`, gives `countWords(a + b)`,
 * without ever joining the pieces.
 */
export class WordCounter {
  private words = 0
  /** Whether the token still open (no space seen since it began) holds a letter or digit so far. */
  private openWordy = false
  /** The open token's last code unit when it is a high surrogate, whose pair may start the next piece. */
  private openHighSurrogate = ''

  add(text: string): void {
    if (text.length === 0) return
    const tokens = text.split(SPACES)
    const first = tokens[0] ?? ''
    const continued = this.openWordy || WORDY.test(this.openHighSurrogate + first)
    if (tokens.length === 1) {
      this.openWordy = continued
      this.openHighSurrogate = trailingHighSurrogate(first)
      return
    }
    if (continued) this.words += 1
    const last = tokens.length - 1
    for (let index = 1; index < last; index++) {
      if (WORDY.test(tokens[index] ?? '')) this.words += 1
    }
    const open = tokens[last] ?? ''
    this.openWordy = WORDY.test(open)
    this.openHighSurrogate = trailingHighSurrogate(open)
  }

  boundary(): void {
    if (this.openWordy) this.words += 1
    this.openWordy = false
    this.openHighSurrogate = ''
  }

  /** The words counted so far, the open token included. */
  get total(): number {
    return this.words + (this.openWordy ? 1 : 0)
  }
}

function trailingHighSurrogate(token: string): string {
  return token.length > 0 && isHighSurrogate(token.charCodeAt(token.length - 1)) ? token.slice(-1) : ''
}
