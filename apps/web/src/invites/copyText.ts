/** `copied` when the text is on the clipboard; `selected` when it could only be selected for Ctrl+C. */
export type CopyOutcome = 'copied' | 'selected'

/**
 * Copies the text of a read-only `field` with the Clipboard API; where that is missing or refused
 * (plain http, permissions), falls back to selecting the field and the legacy copy command.
 */
export async function copyText(field: HTMLInputElement): Promise<CopyOutcome> {
  try {
    if (navigator.clipboard === undefined) throw new Error('No Clipboard API')
    await navigator.clipboard.writeText(field.value)
    return 'copied'
  } catch {
    field.focus()
    field.select()
    try {
      // Deprecated but still the only synchronous fallback; it copies the selection.
      return document.execCommand('copy') ? 'copied' : 'selected'
    } catch {
      return 'selected'
    }
  }
}
