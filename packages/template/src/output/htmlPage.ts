import { escapeHtml } from './escapeHtml.js'

const PRINT_CSS = `
  :root { color-scheme: light; }
  body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; }
  h1, h2, h3, h4 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
  h1 { font-size: 1.7rem; } h2 { font-size: 1.3rem; margin-top: 1.8rem; } h3 { font-size: 1.1rem; margin-top: 1.4rem; }
  dl.report-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
  dl.report-meta dt { font-weight: bold; } dl.report-meta dd { margin: 0; }
  ul, ol { padding-left: 1.5rem; } li > p { margin: 0.2rem 0; }
  figure.quote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid #999; break-inside: avoid; page-break-inside: avoid; }
  figure.quote blockquote { margin: 0; font-style: italic; } figcaption { margin-top: 0.3rem; }
  a { color: #1a4f8b; word-break: break-word; }
  .nothing { color: #666; } .not-ready { color: #8a1c1c; } .changed-since-ready { color: #8a5a00; }
  nav.toc ol { padding-left: 1.5rem; }
  @page { size: A4; margin: 2cm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    a { color: inherit; }
    a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
    article.report + article.report { break-before: page; page-break-before: always; }
  }
`

/** A standalone, print-ready HTML page: `title` (escaped here) and `body` (HTML, already escaped). */
export function htmlPage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
