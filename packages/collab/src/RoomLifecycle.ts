import type { Logger } from './Logger.js'

/**
 * The states of a document's room, in the order a room lives them:
 * - `loading`: reading the stored records and building the document; connections wait (their messages queue);
 * - `dormant`: stored as one record the store vouches for, served as it is without building the document, until
 *   something needs it (`BuildOnDemand`), which takes the room back to `loading`;
 * - `live`: the document is built; the room speaks the protocol with every connection, relays and stores. When the
 *   last connection leaves, the live room unloads (`RoomUnload`: store everything, then `destroyed`); a connection
 *   arriving meanwhile cancels the unload and the room stays live;
 * - `failed`: loading failed; connections were closed with 4500, the room is going;
 * - `destroyed`: out of memory; the server makes a new room for the next connection.
 */
export type RoomState = 'loading' | 'dormant' | 'live' | 'failed' | 'destroyed'

/** Every transition a room may make; anything else is a bug and throws. */
const NEXT: Readonly<Record<RoomState, readonly RoomState[]>> = {
  loading: ['dormant', 'live', 'failed', 'destroyed'],
  dormant: ['loading', 'failed', 'destroyed'],
  live: ['destroyed'],
  failed: ['destroyed'],
  destroyed: [],
}

/** A room's state, changed only along `NEXT` (each change logged at debug). */
export class RoomLifecycle {
  private current: RoomState = 'loading'

  constructor(
    private readonly documentName: string,
    private readonly logger: Logger,
  ) {}

  get state(): RoomState {
    return this.current
  }

  /** Moves to `next`; throws if the room may not go there from where it is. */
  to(next: RoomState): void {
    if (!NEXT[this.current].includes(next)) {
      throw new Error(`Room "${this.documentName}" cannot go from ${this.current} to ${next}`)
    }
    this.logger.debug('Room state', { documentName: this.documentName, from: this.current, to: next })
    this.current = next
  }
}
