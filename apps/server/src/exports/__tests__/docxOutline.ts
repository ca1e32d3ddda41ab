import JSZip from 'jszip'
import { decodeXml } from './decodeXml.js'

const PARAGRAPH = /<w:p[ >][\s\S]*?<\/w:p>/g
const TEXT_RUN = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g


/** How a paragraph is marked: `# ` per heading level, `• ` or `1. ` for list items, indented two spaces a level. */
function prefixOf(paragraph: string): string {
  const heading = /<w:pStyle w:val="Heading(\d)"\/>/.exec(paragraph)
  if (heading !== null) return `${'#'.repeat(Number(heading[1]))} `
  if (!paragraph.includes('<w:numPr>')) return ''
  const level = Number(/<w:ilvl w:val="(\d+)"\/>/.exec(paragraph)?.[1] ?? '0')
  const numbered = /<w:numId w:val="(\d+)"\/>/.exec(paragraph)?.[1] ?? ''
  return `${'  '.repeat(level)}${numbered === '1' ? '• ' : '1. '}`
}

/**
 * The text of a .docx's body for golden files: one line per paragraph (its `<w:t>` runs joined), headings marked
 * `#`, list items `•` (bullets, the docx package's numbering 1) or `1.` indented two spaces per `<w:ilvl>`, and
 * hyperlinks as `text <target>` so a link that went missing shows.
 */
export async function docxOutline(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx)
  const xml = await zip.file('word/document.xml')?.async('string')
  const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? ''
  if (xml === undefined) throw new Error('No word/document.xml in the .docx')
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((rel) => [rel[1], decodeXml(rel[2] ?? '')]))
  const lines = [...xml.matchAll(PARAGRAPH)].map(([paragraph]) => {
    const linked = paragraph.replace(/<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g, (_whole, id: string, inner: string) =>
      inner.replace(/(<w:t(?: [^>]*)?>[^<]*)(<\/w:t>)(?![\s\S]*<w:t[ >])/, `$1 &lt;${targets.get(id) ?? '?'}&gt;$2`),
    )
    const text = [...linked.matchAll(TEXT_RUN)].map((run) => decodeXml(run[1] ?? '')).join('')
    return prefixOf(paragraph) + text
  })
  return lines.join('\n') + '\n'
}
