import { InvalidUpdateError } from '../InvalidUpdateError.js'
import { noReference, type ParsedStructs } from './ParsedStructs.js'
import { UpdateReader } from './UpdateReader.js'

// Struct info byte (see Yjs `writeStructs`, `readClientsStructRefs`).
const contentRefMask = 0b11111
const gcRef = 0
const skipRef = 10
const hasOrigin = 0x80
const hasRightOrigin = 0x40
const hasParentSub = 0x20

/** Reads every struct of `update` and checks its delete set (throws `InvalidUpdateError` if malformed). */
export function* readUpdateStructs(update: Uint8Array, structsPerStep: number): Generator<void, ParsedStructs, void> {
  const reader = new UpdateReader(update)
  const parsed: ParsedStructs = {
    splittable: true,
    stateVector: new Map(),
    structsEnd: 0,
    structCount: 0,
    sectionClient: [],
    sectionFirst: [],
    sectionOf: new Map(),
    section: [],
    clock: [],
    length: [],
    start: [],
    end: [],
    referenceClient: [],
    referenceClock: [],
  }
  const stateVector = new StateVectorOfUpdate(parsed.stateVector)
  const listedClients = new Set<number>()
  let work = 0
  const sectionCount = reader.count(3, 'client sections')
  for (let i = 0; i < sectionCount; i++) {
    const structCount = reader.count(2, 'structs')
    const client = reader.varUint()
    let clock = reader.varUint()
    // Yjs keeps only the last section of a client listed twice: leave such an update as it is.
    if (listedClients.has(client)) parsed.splittable = false
    listedClients.add(client)
    if (structCount === 0) continue
    const section = parsed.sectionClient.length
    parsed.sectionClient.push(client)
    parsed.sectionFirst.push(parsed.structCount)
    if (!parsed.sectionOf.has(client)) parsed.sectionOf.set(client, section)
    for (let j = 0; j < structCount; j++) {
      const start = reader.position
      const info = reader.uint8()
      const ref = info & contentRefMask
      let length: number
      if (ref === gcRef) {
        length = reader.varUint()
        pushNoReferences(parsed)
      } else if (ref === skipRef) {
        if (info !== skipRef) throw new InvalidUpdateError(`A Skip struct with flags (info ${info})`)
        length = reader.varUint()
        parsed.splittable = false
        pushNoReferences(parsed)
      } else {
        length = readItem(reader, info, client, clock, parsed)
      }
      if (length === 0) parsed.splittable = false
      if (clock + length > Number.MAX_SAFE_INTEGER) throw new InvalidUpdateError('A struct ends past the largest clock')
      parsed.section.push(section)
      parsed.clock.push(clock)
      parsed.length.push(length)
      parsed.start.push(start)
      parsed.end.push(reader.position)
      parsed.structCount++
      stateVector.add(client, clock, length, ref === skipRef)
      clock += length
      if (++work === structsPerStep) {
        work = 0
        yield
      }
    }
  }
  parsed.structsEnd = reader.position
  stateVector.finish()
  yield* skipDeleteSet(reader, structsPerStep)
  return parsed
}

function pushNoReferences(parsed: ParsedStructs): void {
  for (let k = 0; k < 3; k++) {
    parsed.referenceClient.push(noReference)
    parsed.referenceClock.push(noReference)
  }
}

/** Reads an item after its info byte, records its references, and returns its length. */
function readItem(reader: UpdateReader, info: number, client: number, clock: number, parsed: ParsedStructs): number {
  readReference(reader, parsed, client, clock, (info & hasOrigin) !== 0)
  readReference(reader, parsed, client, clock, (info & hasRightOrigin) !== 0)
  if ((info & (hasOrigin | hasRightOrigin)) === 0) {
    // The parent: a root type's name, or the id of the item holding the type.
    const isRootName = reader.varUint() === 1
    if (isRootName) reader.string()
    readReference(reader, parsed, client, clock, !isRootName)
    if ((info & hasParentSub) !== 0) reader.string()
  } else {
    readReference(reader, parsed, client, clock, false)
  }
  return readContentLength(reader, info & contentRefMask)
}

/** Reads an item's reference to another struct if `present`, and records it (`noReference` if absent). */
function readReference(reader: UpdateReader, parsed: ParsedStructs, client: number, clock: number, present: boolean): void {
  let refClient = noReference
  let refClock = noReference
  if (present) {
    refClient = reader.varUint()
    refClock = reader.varUint()
    // Yjs does not wait for its own client's structs: an earlier one is there (clock order), a later one never.
    if (refClient === client) {
      if (refClock >= clock) parsed.splittable = false
      refClient = noReference
      refClock = noReference
    }
  }
  parsed.referenceClient.push(refClient)
  parsed.referenceClock.push(refClock)
}

// Type refs whose type reads a name (YXmlElement, YXmlHook), and the largest type ref (see Yjs `typeRefs`).
const xmlElementTypeRef = 3
const xmlHookTypeRef = 5
const lastTypeRef = 6

/** Skips an item's content (see the content classes' `read*`) and returns its length. */
function readContentLength(reader: UpdateReader, ref: number): number {
  switch (ref) {
    case 1: // ContentDeleted
      return reader.varUint()
    case 2: {
      // ContentJSON
      const count = reader.count(1, 'JSON values')
      for (let i = 0; i < count; i++) reader.string()
      return count
    }
    case 3: // ContentBinary
      reader.skip(reader.varUint())
      return 1
    case 4: // ContentString: its length in UTF-16 code units
      return reader.string()
    case 5: // ContentEmbed
      reader.string()
      return 1
    case 6: // ContentFormat: key, JSON value
      reader.string()
      reader.string()
      return 1
    case 7: {
      // ContentType
      const typeRef = reader.varUint()
      if (typeRef > lastTypeRef) throw new InvalidUpdateError(`Unknown type ref ${typeRef}`)
      if (typeRef === xmlElementTypeRef || typeRef === xmlHookTypeRef) reader.string()
      return 1
    }
    case 8: {
      // ContentAny
      const count = reader.count(1, 'values')
      for (let i = 0; i < count; i++) reader.any()
      return count
    }
    case 9: // ContentDoc: guid, options
      reader.string()
      reader.any()
      return 1
    default:
      throw new InvalidUpdateError(`Unknown content ref ${ref}`)
  }
}

/** Reads past the delete set (v1: per client, its deleted ranges), checking it is whole. */
function* skipDeleteSet(reader: UpdateReader, structsPerStep: number): Generator<void, void, void> {
  let work = 0
  const clientCount = reader.count(2, 'delete set clients')
  for (let i = 0; i < clientCount; i++) {
    reader.varUint()
    const deletionCount = reader.count(2, 'deletions')
    for (let j = 0; j < deletionCount; j++) {
      reader.varUint()
      reader.varUint()
      if (++work === structsPerStep) {
        work = 0
        yield
      }
    }
  }
}

/**
 * Follows Yjs `encodeStateVectorFromUpdate`: per run of one client's structs, the end clock of its structs
 * contiguous from clock 0, up to the first Skip.
 */
class StateVectorOfUpdate {
  private started = false
  private client = 0
  private clock = 0
  private stopped = false

  constructor(private readonly entries: Map<number, number>) {}

  add(client: number, clock: number, length: number, isSkip: boolean): void {
    if (!this.started) {
      this.started = true
      this.client = client
      this.stopped = clock !== 0
      this.clock = this.stopped ? 0 : clock + length
    } else if (client !== this.client) {
      this.finish()
      this.client = client
      this.clock = 0
      this.stopped = clock !== 0
    }
    if (isSkip) this.stopped = true
    if (!this.stopped) this.clock = clock + length
  }

  finish(): void {
    if (this.started && this.clock !== 0) this.entries.set(this.client, this.clock)
  }
}
