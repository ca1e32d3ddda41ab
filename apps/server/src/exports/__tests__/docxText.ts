import { readZipEntry } from './readZipEntry.js'

/** The text of a .docx's body, paragraph by paragraph (one line each), with XML entities decoded. */
export function docxText(docx: Buffer): string {
  const xml = readZipEntry(docx, 'word/document.xml')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((paragraph) =>
      [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => decodeXml(run[1] ?? '')).join(''),
    )
    .join('\n')
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
