/** A report built by simulated typing, ready to be stored on a server under test. */
export interface SeedReport {
  /**
   * The typing log in the order it was typed, merged into messages of at most about `chunkBytes` each (one
   * chunk holds hundreds of consecutive keystroke updates; the structure of the document is the typed one).
   */
  readonly chunks: readonly Uint8Array[]
  /** Keystrokes typed (insertions, deletions and formatting), one Yjs transaction each. */
  readonly keystrokes: number
  /** Distinct Yjs client ids (a rapporteur gets a new one at every simulated page load). */
  readonly clients: number
  /** `Y.encodeStateAsUpdate` of the finished report: its size is the report's size. */
  readonly state: Uint8Array
  /** `Y.decodeStateVector` of the finished report: a client holds the full report once it has reached it. */
  readonly stateVector: ReadonlyMap<number, number>
  /** `documentText` of the finished report, to compare a client's copy with. */
  readonly text: string
}
