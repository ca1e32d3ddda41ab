import { readZipEntry } from './readZipEntry.js'
import { decodeXml } from './decodeXml.js'

/** The text of a .docx's body, paragraph by paragraph (one line each), with XML entities decoded. */
export function docxText(docx: Buffer): string {
  const xml = readZipEntry(docx, 'word/document.xml')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((paragraph) =>
      [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => decodeXml(run[1] ?? '')).join(''),
    )
    .join('\n')
}

