import type { CollabHooks } from './CollabHooks.js'
import type { CollabLimits } from './CollabLimits.js'
import type { DocumentStore } from './DocumentStore.js'
import type { BackgroundTurns } from './BackgroundTurns.js'
import type { Logger } from './Logger.js'
import type { RedactForReadOnly } from './redactedMessages.js'
import type { RefuseUpdate } from './RefuseUpdate.js'

/** What `CollabServer` gives each `DocumentRoom` it makes. */
export interface DocumentRoomOptions {
  name: string
  store: DocumentStore
  logger: Logger
  flushDelayMs: number
  compactAfterRecords: number
  limits: CollabLimits
  /** Observers called as the room loads, changes, gains or loses connections, and unloads. */
  hooks: CollabHooks
  /** Rewrites what read-only connections receive (see `CollabServerOptions.redactForReadOnly`); none by default. */
  redactForReadOnly?: RedactForReadOnly
  /** Refuses writers' updates before they are applied (see `CollabServerOptions.refuseUpdate`); none by default. */
  refuseUpdate?: RefuseUpdate
  /** Awareness changes are relayed at most this many milliseconds late (see `RoomAwareness`); 0: at once. */
  awarenessBatchMs: number
  /** Where each slice of loading work waits for its turn (one per server). */
  backgroundTurns: BackgroundTurns
  /** Stored records larger than this are loaded in causal chunks of about this size. */
  loadChunkBytes: number
  /** A document stored as one vouched-for record is built only once something needs it (see `BuildOnDemand`). */
  buildOnDemand: boolean
  /** Resolves once writes that must be visible to the load (made while no room was open) are durable. */
  beforeLoad: () => Promise<void>
  /**
   * Called once when the room is gone (unloaded or failed to load); the server forgets it then. `discarded` is
   * the room itself (to tell it from a newer room of the same name), typed narrowly so this file needs no room.
   */
  onDiscard: (discarded: object) => void
}
