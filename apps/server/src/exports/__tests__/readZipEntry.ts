import { inflateRawSync } from 'node:zlib'

/** The names of a zip archive's entries, read from its central directory. */
export function zipEntryNames(zip: Buffer): string[] {
  return centralDirectory(zip).map((entry) => entry.name)
}

/** One entry of a zip archive (stored or deflated), as text; throws when the archive has no such entry. */
export function readZipEntry(zip: Buffer, name: string): string {
  const entry = centralDirectory(zip).find((candidate) => candidate.name === name)
  if (entry === undefined) throw new Error(`No ${name} in the archive`)
  const local = entry.localOffset
  if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`Bad local header for ${name}`)
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
  const data = zip.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) return data.toString('utf8')
  if (entry.method === 8) return inflateRawSync(data).toString('utf8')
  throw new Error(`Unsupported compression method ${entry.method} for ${name}`)
}

interface CentralEntry {
  name: string
  method: number
  compressedSize: number
  localOffset: number
}

function centralDirectory(zip: Buffer): CentralEntry[] {
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1
  if (end < 0) throw new Error('Not a zip archive: no end of central directory')
  const count = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  const entries: CentralEntry[] = []
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('Bad central directory entry')
    const nameLength = zip.readUInt16LE(offset + 28)
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localOffset: zip.readUInt32LE(offset + 42),
    })
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32)
  }
  return entries
}
