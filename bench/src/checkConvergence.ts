import * as Y from 'yjs'
import { documentText } from './documentText.js'
import { sectionCharacters } from './sectionCharacters.js'
import { SyncSocket } from './SyncSocket.js'

const SYNC_TIMEOUT_MS = 10_000

export interface RoomToCheck {
  readonly roundtableId: string
  readonly docs: readonly Y.Doc[]
  /** Characters the bench typed into the room's sections (the server's copy must hold exactly these). */
  readonly typedCharacters: number
}

export interface RoomConvergence {
  readonly roundtableId: string
  /** Every client's doc equals every other's. */
  readonly clientsAgree: boolean
  /** ... and equals what a fresh client synced from the server gets. */
  readonly matchesServer: boolean
  readonly problem: string | null
}

/**
 * After typing stops: in each room, every rapporteur's document must read the same, and the same as a fresh
 * read-only client (the chair's token) that syncs the server's copy from scratch.
 */
export async function checkConvergence(
  wsUrl: string,
  chairToken: string,
  rooms: readonly RoomToCheck[],
): Promise<RoomConvergence[]> {
  return Promise.all(
    rooms.map(async ({ roundtableId, docs, typedCharacters }): Promise<RoomConvergence> => {
      const texts = docs.map(documentText)
      const clientsAgree = texts.every((text) => text === texts[0])
      const fresh = new Y.Doc()
      const socket = new SyncSocket({ wsUrl, roundtableId, token: chairToken, doc: fresh })
      let timer: NodeJS.Timeout | undefined
      try {
        await Promise.race([
          socket.synced,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('fresh client did not sync in time')), SYNC_TIMEOUT_MS)
          }),
        ])
        const serverText = documentText(fresh)
        const matchesServer = texts.every((text) => text === serverText)
        const held = sectionCharacters(fresh)
        const problem = !clientsAgree
          ? 'clients differ'
          : !matchesServer
            ? 'clients differ from the server'
            : held !== typedCharacters
              ? `the server holds ${held} typed characters, ${typedCharacters} were typed`
              : null
        return { roundtableId, clientsAgree, matchesServer, problem }
      } catch (error) {
        return { roundtableId, clientsAgree, matchesServer: false, problem: (error as Error).message }
      } finally {
        clearTimeout(timer)
        socket.close()
        fresh.destroy()
      }
    }),
  )
}
