import { noReference, type ParsedStructs } from './updateFormat/ParsedStructs.js'
import { readUpdateStructs } from './updateFormat/readUpdateStructs.js'

/** One Yjs (v1) update cut into smaller updates that, applied in order, give the same document. */
export interface SplitUpdate {
  /** v1 updates, in the order to apply them. One element (the input itself, same bytes) when not split. */
  readonly chunks: Uint8Array[]
  /** Exactly what `Y.encodeStateVectorFromUpdate(update)` returns, as a Map client -> clock (omit zero clocks). */
  readonly stateVector: Map<number, number>
}

const defaultStructsPerStep = 2000

/**
 * Cuts `update` (Yjs update format v1) into updates of about `maxChunkBytes` each, such that applying them in
 * order gives the same document as applying `update`, and no chunk leaves pending structs that `update` itself
 * would not: every struct comes after the update's own structs it depends on (its origin, right origin, parent
 * and its client's previous struct), the way Yjs integrates them. Every chunk but the last carries an empty
 * delete set; the last carries the update's delete set.
 *
 * Works on the bytes: each struct is read just far enough to know its length, its references and where its bytes
 * end, and its bytes are copied as they are. Returns the input unsplit when it fits, holds a Skip struct, or
 * cannot be ordered cleanly (a reference cycle, an empty struct, a client listed twice). Throws an
 * `InvalidUpdateError` when the bytes are not a v1 update.
 *
 * Yields (undefined) about every `structsPerStep` structs read, ordered or copied, so that the caller can let
 * other work run in between; returns the result.
 */
export function* splitUpdateSteps(
  update: Uint8Array,
  maxChunkBytes: number,
  structsPerStep = defaultStructsPerStep,
): Generator<void, SplitUpdate, void> {
  if (!(maxChunkBytes >= 1)) throw new RangeError('maxChunkBytes must be at least 1')
  if (!Number.isInteger(structsPerStep) || structsPerStep < 1) {
    throw new RangeError('structsPerStep must be a positive integer')
  }
  const parsed = yield* readUpdateStructs(update, structsPerStep)
  const unsplit: SplitUpdate = { chunks: [update], stateVector: parsed.stateVector }
  if (update.length <= maxChunkBytes || !parsed.splittable || parsed.structCount === 0) return unsplit
  const order = yield* causalOrder(parsed, structsPerStep)
  if (order === null) return unsplit
  const chunks = yield* cutChunks(update, parsed, order, maxChunkBytes, structsPerStep)
  return chunks.length > 1 ? { chunks, stateVector: parsed.stateVector } : unsplit
}

/** Runs `splitUpdateSteps` to the end. */
export function splitUpdate(update: Uint8Array, maxChunkBytes: number): SplitUpdate {
  const steps = splitUpdateSteps(update, maxChunkBytes)
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}

// A struct's state in the walk: 0 not visited yet, then on the stack, then emitted.
const onStack = 1
const emitted = 2

/**
 * The structs in an order Yjs integrates without waiting: each after the update's structs it refers to and
 * after its client's previous struct (a depth-first walk, like Yjs `integrateStructs`). Null on a cycle.
 */
function* causalOrder(parsed: ParsedStructs, structsPerStep: number): Generator<void, Int32Array | null, void> {
  const count = parsed.structCount
  const dependencies = new Int32Array(3 * count).fill(noReference)
  let work = 0
  for (let i = 0; i < 3 * count; i++) {
    const client = parsed.referenceClient[i] as number
    if (client === noReference) continue
    const section = parsed.sectionOf.get(client)
    if (section !== undefined) dependencies[i] = structHolding(parsed, section, parsed.referenceClock[i] as number)
    if (++work === 3 * structsPerStep) {
      work = 0
      yield
    }
  }
  const sectionCount = parsed.sectionClient.length
  // Per section, the next struct to emit (a section's structs are emitted in clock order).
  const next = Int32Array.from(parsed.sectionFirst)
  const state = new Uint8Array(count)
  const order = new Int32Array(count)
  let emittedCount = 0
  const stack: number[] = []
  for (let section = 0; section < sectionCount; section++) {
    const sectionEnd = section + 1 < sectionCount ? (parsed.sectionFirst[section + 1] as number) : count
    while ((next[section] as number) < sectionEnd) {
      const root = next[section] as number
      state[root] = onStack
      stack.push(root)
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as number
        let waitingFor = noReference
        for (let k = 0; k < 3; k++) {
          const dependency = dependencies[3 * top + k] as number
          if (dependency === noReference || state[dependency] === emitted) continue
          // The dependency's client's structs up to it come first, from the next one not emitted yet.
          const first = next[parsed.section[dependency] as number] as number
          if (state[first] === onStack) return null
          waitingFor = first
          break
        }
        if (waitingFor !== noReference) {
          state[waitingFor] = onStack
          stack.push(waitingFor)
        } else {
          stack.pop()
          state[top] = emitted
          order[emittedCount++] = top
          const topSection = parsed.section[top] as number
          next[topSection] = top + 1
        }
        if (++work >= structsPerStep) {
          work = 0
          yield
        }
      }
    }
  }
  return order
}

/** The index of the struct of `section` whose clock range holds `clock`, or `noReference`. */
function structHolding(parsed: ParsedStructs, section: number, clock: number): number {
  let low = parsed.sectionFirst[section] as number
  let high = (section + 1 < parsed.sectionFirst.length ? (parsed.sectionFirst[section + 1] as number) : parsed.structCount) - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const start = parsed.clock[middle] as number
    if (clock < start) high = middle - 1
    else if (clock >= start + (parsed.length[middle] as number)) low = middle + 1
    else return middle
  }
  return noReference
}

/** The structs of one chunk: per section in it, its first struct and how many. */
interface ChunkRuns {
  sections: number[]
  first: Int32Array
  count: Int32Array
  /** The chunk in which a section's run was started (so the arrays need no clearing between chunks). */
  chunkOf: Int32Array
}

/** Cuts the ordered structs into chunks of about `maxChunkBytes` and writes them. */
function* cutChunks(
  update: Uint8Array,
  parsed: ParsedStructs,
  order: Int32Array,
  maxChunkBytes: number,
  structsPerStep: number,
): Generator<void, Uint8Array[], void> {
  const chunks: Uint8Array[] = []
  const sectionCount = parsed.sectionClient.length
  const runs: ChunkRuns = {
    sections: [],
    first: new Int32Array(sectionCount),
    count: new Int32Array(sectionCount),
    chunkOf: new Int32Array(sectionCount).fill(-1),
  }
  const emptyChunkSize = 2 // no clients, empty delete set
  let size = emptyChunkSize
  let work = 0
  for (let i = 0; i < order.length; i++) {
    const struct = order[i] as number
    const section = parsed.section[struct] as number
    const structBytes = (parsed.end[struct] as number) - (parsed.start[struct] as number)
    const growth = (): number =>
      runs.chunkOf[section] === chunks.length
        ? varUintGrowth(runs.count[section] as number)
        : varUintLength(parsed.sectionClient[section] as number) +
          varUintLength(parsed.clock[struct] as number) +
          1 +
          varUintGrowth(runs.sections.length)
    let added = structBytes + growth()
    if (runs.sections.length > 0 && size + added > maxChunkBytes) {
      chunks.push(writeChunk(update, parsed, runs, size, null))
      runs.sections.length = 0
      size = emptyChunkSize
      added = structBytes + growth()
    }
    if (runs.chunkOf[section] !== chunks.length) {
      runs.chunkOf[section] = chunks.length
      runs.first[section] = struct
      runs.count[section] = 0
      runs.sections.push(section)
    }
    runs.count[section] = (runs.count[section] as number) + 1
    size += added
    if (++work === structsPerStep) {
      work = 0
      yield
    }
  }
  const deleteSet = update.subarray(parsed.structsEnd)
  if (size - 1 + deleteSet.length > maxChunkBytes && deleteSet.length > 1) {
    // The delete set alone in a last chunk, so that it does not make the structs' chunk too big.
    chunks.push(writeChunk(update, parsed, runs, size, null))
    const last = new Uint8Array(1 + deleteSet.length)
    last.set(deleteSet, 1)
    chunks.push(last)
  } else {
    chunks.push(writeChunk(update, parsed, runs, size, deleteSet))
  }
  return chunks
}

/** One chunk: its sections' headers and struct bytes, then `deleteSet` (an empty one when null). */
function writeChunk(
  update: Uint8Array,
  parsed: ParsedStructs,
  runs: ChunkRuns,
  size: number,
  deleteSet: Uint8Array | null,
): Uint8Array {
  const chunk = new Uint8Array(size - 1 + (deleteSet === null ? 1 : deleteSet.length))
  let position = writeVarUint(chunk, 0, runs.sections.length)
  for (const section of runs.sections) {
    const first = runs.first[section] as number
    const last = first + (runs.count[section] as number) - 1
    position = writeVarUint(chunk, position, runs.count[section] as number)
    position = writeVarUint(chunk, position, parsed.sectionClient[section] as number)
    position = writeVarUint(chunk, position, parsed.clock[first] as number)
    // A section's structs are consecutive in the update: one copy.
    chunk.set(update.subarray(parsed.start[first] as number, parsed.end[last] as number), position)
    position += (parsed.end[last] as number) - (parsed.start[first] as number)
  }
  if (deleteSet === null) chunk[position++] = 0
  else {
    chunk.set(deleteSet, position)
    position += deleteSet.length
  }
  if (position !== chunk.length) throw new Error(`A chunk was sized ${chunk.length} bytes but holds ${position}`)
  return chunk
}

function varUintLength(value: number): number {
  let length = 1
  while (value >= 0x80) {
    value = Math.floor(value / 0x80)
    length++
  }
  return length
}

/** How many more bytes the varuint `count + 1` takes than `count`. */
function varUintGrowth(count: number): number {
  return varUintLength(count + 1) - varUintLength(count)
}

function writeVarUint(target: Uint8Array, position: number, value: number): number {
  while (value >= 0x80) {
    target[position++] = (value % 0x80) | 0x80
    value = Math.floor(value / 0x80)
  }
  target[position++] = value
  return position
}
