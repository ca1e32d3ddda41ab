/** Marks an absent reference (no struct of another client), in `ParsedStructs` and in the walks over it. */
export const noReference = -1

/** What reading an update learns: its client sections, and per struct its place, size and references. */
export interface ParsedStructs {
  /** False when the update must not be split (a Skip, an empty struct, a client listed twice, a forward reference). */
  splittable: boolean
  stateVector: Map<number, number>
  /** Where the delete set starts. */
  structsEnd: number
  structCount: number
  /** Per section (one per client): the client, and the index of its first struct. */
  sectionClient: number[]
  sectionFirst: number[]
  /** The section of each client. */
  sectionOf: Map<number, number>
  /** Per struct. */
  section: number[]
  clock: number[]
  length: number[]
  start: number[]
  end: number[]
  /** Three per struct (origin, right origin, parent): the id referred to in another client, or `noReference`. */
  referenceClient: number[]
  referenceClock: number[]
}
