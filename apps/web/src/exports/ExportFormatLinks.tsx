import { useAuthToken } from '../session/useAuthToken'
import { exportUrl, type ExportScope } from './exportUrl'

/** Markdown, Word and Print / PDF links to the export of `scope`, signed in with the stored token. */
export function ExportFormatLinks({ scope }: { readonly scope: ExportScope }) {
  const token = useAuthToken()
  return (
    <ul className="export-links" data-export-links={scope.kind}>
      <li>
        <a href={exportUrl(scope, 'md', token)} download data-export-format="md">
          Markdown
        </a>
      </li>
      <li>
        <a href={exportUrl(scope, 'docx', token)} download data-export-format="docx">
          Word (.docx)
        </a>
      </li>
      <li>
        <a href={exportUrl(scope, 'html', token)} target="_blank" rel="noopener" data-export-format="html">
          Print / PDF
        </a>{' '}
        <span className="muted">opens in a new tab: use your browser’s Print to save as PDF</span>
      </li>
    </ul>
  )
}
