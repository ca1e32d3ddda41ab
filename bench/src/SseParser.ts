export interface SseEvent {
  readonly event: string
  readonly data: string
}

/**
 * Incremental Server-Sent Events parser (the subset the feed uses): `event:` and `data:` fields, events ended
 * by a blank line, comments (`:`) ignored, CRLF or LF line ends.
 */
export class SseParser {
  private buffer = ''
  private eventName = ''
  private dataLines: string[] = []

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  push(chunk: string): void {
    this.buffer += chunk
    let newline = this.buffer.indexOf('\n')
    while (newline !== -1) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '')
      this.buffer = this.buffer.slice(newline + 1)
      this.readLine(line)
      newline = this.buffer.indexOf('\n')
    }
  }

  private readLine(line: string): void {
    if (line === '') {
      if (this.dataLines.length > 0) this.onEvent({ event: this.eventName || 'message', data: this.dataLines.join('\n') })
      this.eventName = ''
      this.dataLines = []
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') this.eventName = value
    else if (field === 'data') this.dataLines.push(value)
  }
}
