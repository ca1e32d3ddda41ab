import { fileURLToPath } from 'node:url'
import { ApiClient } from '../ApiClient.js'
import { rapporteurNodeFlags } from './rapporteurNodeFlags.js'
import type { CpuPinning } from '../CpuPinning.js'
import { findFreePort } from '../findFreePort.js'
import { yWebsocketCodec } from '../protocol/yWebsocketCodec.js'
import { ChildServer } from './ChildServer.js'
import { readProcessSample } from './readProcessSample.js'
import type { RunningServer, ServerStats, ServerUnderTest } from './ServerUnderTest.js'

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef'
const serverMainPath = fileURLToPath(new URL('../../../apps/server/dist/main.js', import.meta.url))

/**
 * The per-address and per-document limits a single load generator on 127.0.0.1 would hit (every client of
 * the bench shares one address). Raised so the bench measures the server, not its abuse protection:
 * connection attempts (S4 opens 1,000 sockets at once), messages per second (S1+ sends far more than a
 * person types), connections per document and per invite (one invite holds every client of a bench document),
 * and document size (S1+ and S3 grow large reports).
 */
const BENCH_LIMITS = {
  MAX_CONNECTION_ATTEMPTS_PER_MINUTE: '1000000',
  MAX_MESSAGES_PER_SECOND: '1000000',
  MAX_CONNECTIONS_PER_DOCUMENT: '100000',
  MAX_READONLY_CONNECTIONS_PER_DOCUMENT: '100000',
  MAX_CONNECTIONS_PER_TOKEN: '100000',
  MAX_DOCUMENT_BYTES: String(512 * 1024 * 1024),
}

interface Room {
  readonly roundtableId: string
  readonly token: string
}

/** The built Rapporteur server (`apps/server/dist/main.js`); every document is a roundtable of one event. */
export function rapporteurServer(pinning: CpuPinning): ServerUnderTest {
  return {
    name: 'rapporteur',
    async start(): Promise<RunningServer> {
      const child = new ChildServer(
        {
          label: 'rapporteur',
          scriptPath: serverMainPath,
          pinning,
          env: { ADMIN_TOKEN, LOG_LEVEL: 'warn', ...BENCH_LIMITS },
          readyPath: '/healthz',
          nodeFlags: rapporteurNodeFlags(),
        },
        await findFreePort(),
      )
      await child.start()
      const api = new ApiClient(child.url, ADMIN_TOKEN)
      const rooms = new Map<string, Room>()
      let eventId: string | null = null
      let chairToken: string | null = null
      const roomOf = (documentName: string): Room => {
        const room = rooms.get(documentName)
        if (room === undefined) throw new Error(`document ${documentName} was not prepared`)
        return room
      }
      return {
        name: 'rapporteur',
        get pid() {
          return child.pid
        },
        get died() {
          return child.died
        },
        documentUrl: (documentName) => {
          const room = roomOf(documentName)
          return `ws://127.0.0.1:${child.port}/collab/${room.roundtableId}?token=${encodeURIComponent(room.token)}`
        },
        codec: () => yWebsocketCodec(),
        async prepareDocuments(documentNames) {
          if (eventId === null) {
            eventId = (await api.createEvent('Bench conference', new Date(Date.now() + 24 * 60 * 60 * 1000))).id
            chairToken = (await api.createChairInvite(eventId, 'Bench chair')).token
          }
          for (const documentName of documentNames) {
            if (rooms.has(documentName)) continue
            const roundtable = await api.createRoundtable(eventId, documentName)
            const invite = await api.createRapporteurInvite(roundtable.id, `Bench ${documentName}`)
            rooms.set(documentName, { roundtableId: roundtable.id, token: invite.token })
          }
        },
        chairFeed() {
          if (eventId === null || chairToken === null) return null
          const documentByRoundtable = new Map([...rooms].map(([name, room]) => [room.roundtableId, name]))
          return {
            url: child.url,
            eventId,
            token: chairToken,
            documentOf: (roundtableId: string) => documentByRoundtable.get(roundtableId),
          }
        },
        async stats(): Promise<ServerStats> {
          const metrics = await api.metrics()
          return { documentsInMemory: metrics.openDocuments, connections: metrics.connections }
        },
        sample: () => readProcessSample(child.pid),
        restart: () => child.restart(),
        stop: () => child.stop(),
      }
    },
  }
}
