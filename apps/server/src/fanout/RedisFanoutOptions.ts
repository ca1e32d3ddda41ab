import type { Logger } from '@rapporteur/collab'
import type { Redis } from 'ioredis'

/** Default milliseconds between a catch-up and its follow-up. */
export const DEFAULT_FOLLOW_UP_CATCH_UP_MS = 1000
/** Default milliseconds without a peer message after which an open document is caught up anyway. */
export const DEFAULT_IDLE_CATCH_UP_MS = 30_000

export interface RedisFanoutOptions {
  /** Redis to connect to; the fan-out opens two connections (publisher, subscriber). Or give `publisher` and `subscriber`. */
  readonly redisUrl?: string
  /**
   * A connection to publish on; best with `enableOfflineQueue: false` (what `redisUrl` gets), so publishing fails at
   * once while Redis is down (the seq gap and a marker make up for it) instead of queueing frames in memory.
   */
  readonly publisher?: Redis
  /** A connection of its own to subscribe on; best with `maxRetriesPerRequest: null`. */
  readonly subscriber?: Redis
  /** Channels are `<keyPrefix>doc:<documentName>`. Default: `rapporteur:`. */
  readonly keyPrefix?: string
  /** This instance's id in the frames it publishes; must differ between instances. Default: 16 random hex digits. */
  readonly instanceId?: string
  /** The document's merged stored state (from the store all instances share), or null when none is stored. */
  readonly catchUp: (documentName: string) => Promise<Uint8Array | null>
  readonly logger: Logger
  /** Milliseconds after a catch-up that a second one runs. Default: `DEFAULT_FOLLOW_UP_CATCH_UP_MS`. */
  readonly followUpCatchUpMs?: number
  /** Safety net: an open document with no peer message for this long is caught up; 0 turns it off. Default: 30 s. */
  readonly idleCatchUpMs?: number
}
