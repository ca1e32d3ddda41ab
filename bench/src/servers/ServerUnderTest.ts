/**
 * One of the servers the benchmark compares: Rapporteur (the real built server) or a reference server
 * (`@y/websocket-server`, `@hocuspocus/server`) started by a small launcher of ours. Every server runs as its
 * own child process, pinned to the server core, with documents stored in a SQLite file in its data directory,
 * so "stored report", "first open" and "unloaded after the last client left" mean the same for all three.
 */
import type { WireCodec } from '../protocol/WireCodec.js'

export type ServerName = 'rapporteur' | 'y-websocket-server' | 'hocuspocus'

export interface ServerStats {
  /** Documents held in memory by the server right now. */
  readonly documentsInMemory: number
  /** Open websocket connections. */
  readonly connections: number
}

export interface ProcessSample {
  /** Resident set size, bytes (`/proc/<pid>/status` VmRSS). */
  readonly rssBytes: number
  /** User + system CPU time the process has used since it started, milliseconds (`/proc/<pid>/stat`). */
  readonly cpuMs: number
}

/** Where the chair's live feed of the documents' event is (Rapporteur only: the baselines have no feed). */
export interface ChairFeedAccess {
  /** `http://host:port` of the server. */
  readonly url: string
  readonly eventId: string
  /** A chair invite token of the event. */
  readonly token: string
  /** The document name a feed roundtable id stands for (undefined for roundtables the bench did not make). */
  documentOf(roundtableId: string): string | undefined
}

export interface RunningServer {
  readonly name: ServerName
  readonly pid: number
  /**
   * Websocket URL for one document, with whatever a client needs to be let in (Rapporteur: a rapporteur
   * invite token of that document's roundtable). Documents are named by the scenario (`doc-0`, `doc-1`, …);
   * Rapporteur maps each name to a roundtable created for it in `prepareDocuments`.
   */
  documentUrl(documentName: string): string
  /** How to frame messages of this document on its socket (y-websocket, or Hocuspocus with name + auth). */
  codec(documentName: string): WireCodec
  /** Makes sure these documents can be opened (Rapporteur: creates an event, roundtables and invites). */
  prepareDocuments(documentNames: readonly string[]): Promise<void>
  stats(): Promise<ServerStats>
  /** The chair's feed of the prepared documents, or null when the server has none (the baselines). */
  chairFeed(): ChairFeedAccess | null
  sample(): ProcessSample
  /** Stops the process gracefully (SIGTERM, everything stored) and starts it again on the same data directory. */
  restart(): Promise<void>
  /** Stops it and removes its data directory. */
  stop(): Promise<void>
  /** True when the process exited without being asked to (the run then fails). */
  readonly died: boolean
}

/** The three servers in the order the table prints them: Rapporteur first, then the baselines. */
export const SERVER_NAMES: readonly ServerName[] = ['rapporteur', 'y-websocket-server', 'hocuspocus']

export interface ServerUnderTest {
  readonly name: ServerName
  start(): Promise<RunningServer>
}
