import { readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'

/** One entry of a zip archive (stored or deflated), found through the central directory, as UTF-8 text. */
function zipEntry(zip: Buffer, name: string): string {
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1
  if (end < 0) throw new Error('Not a zip archive')
  let offset = zip.readUInt32LE(end + 16)
  for (let index = 0; index < zip.readUInt16LE(end + 10); index += 1) {
    const nameLength = zip.readUInt16LE(offset + 28)
    if (zip.toString('utf8', offset + 46, offset + 46 + nameLength) === name) {
      const method = zip.readUInt16LE(offset + 10)
      const size = zip.readUInt32LE(offset + 20)
      const local = zip.readUInt32LE(offset + 42)
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + size)
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32)
  }
  throw new Error(`No ${name} in the archive`)
}

/** The paragraphs of a downloaded .docx file, one line each (the text of its `<w:t>` runs, entities decoded). */
export function readDocxText(file: string): string {
  const xml = zipEntry(readFileSync(file), 'word/document.xml')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([paragraph]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1] ?? '').join(''))
    .map((line) => line.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('\n')
}
