/** The formats the export API serves: Markdown, Word and a print-ready HTML page. */
export type ExportFormat = 'md' | 'docx' | 'html'

/** What is exported: one roundtable's report, or an event's compiled closing report. */
export interface ExportScope {
  readonly kind: 'roundtable' | 'event'
  readonly id: string
}

/**
 * The export API's URL for `scope` in `format`. The token travels as `?token=` so that a plain link
 * (download, new tab) is signed in; without a token the server answers 401.
 */
export function exportUrl(scope: ExportScope, format: ExportFormat, token: string | null): string {
  const collection = scope.kind === 'roundtable' ? 'roundtables' : 'events'
  const query = `format=${format}${token === null ? '' : `&token=${encodeURIComponent(token)}`}`
  return `/api/${collection}/${encodeURIComponent(scope.id)}/export?${query}`
}
