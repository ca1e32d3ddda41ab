import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { ApiClient } from './ApiClient.js'
import { CpuPinning } from './CpuPinning.js'
import { Histogram } from './Histogram.js'
import { ServerProcess } from './ServerProcess.js'
import { REMOTE_ORIGIN, SyncSocket } from './SyncSocket.js'

// `pnpm --filter @rapporteur/bench ack-latency` (after building the server): the cost of durable
// acknowledgement on the keystroke path. One writer (raw ws, `durable=1`) types ACK_RATE keystrokes a second
// (default 20) for ACK_SECONDS (default 10) into a report section; one reader (no durable) receives them.
// Per keystroke: keystroke → relayed to the reader, keystroke → SAVED covering it, and the difference.
// A measurement, not a test: it prints p50/p95/p99/max and fails only if a keystroke is never relayed or saved.

const ADMIN_TOKEN = 'rpo_ack_latency_organizer_token_0123'
const MESSAGE_SYNC = 0
const MESSAGE_DURABILITY = 100
const SAVED = 0

const seconds = Number(process.env.ACK_SECONDS ?? 10)
const rate = Number(process.env.ACK_RATE ?? 20)
const serverMainPath = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url))

/** A raw y-websocket client asking for durability acknowledgements; reports each SAVED state vector. */
function connectDurableWriter(
  wsUrl: string,
  roundtableId: string,
  token: string,
  doc: Y.Doc,
  onSaved: (stateVector: Map<number, number>, at: number) => void,
): Promise<WebSocket> {
  const url = `${wsUrl}/collab/${roundtableId}?token=${encodeURIComponent(token)}&durable=1`
  const socket = new WebSocket(url, { perMessageDeflate: false })
  const send = (write: (encoder: encoding.Encoder) => void): void => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    write(encoder)
    if (socket.readyState === WebSocket.OPEN) socket.send(encoding.toUint8Array(encoder))
  }
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) send((encoder) => syncProtocol.writeUpdate(encoder, update))
  })
  return new Promise((resolve, reject) => {
    socket.on('open', () => send((encoder) => syncProtocol.writeSyncStep1(encoder, doc)))
    socket.on('error', reject)
    socket.on('message', (data: Buffer) => {
      const at = performance.now()
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE_DURABILITY) {
        if (decoding.readVarUint(decoder) === SAVED) onSaved(Y.decodeStateVector(decoding.readVarUint8Array(decoder)), at)
        return
      }
      if (type !== MESSAGE_SYNC) return
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MESSAGE_SYNC)
      const syncType = syncProtocol.readSyncMessage(decoder, reply, doc, REMOTE_ORIGIN)
      if (encoding.length(reply) > 1) socket.send(encoding.toUint8Array(reply))
      if (syncType === syncProtocol.messageYjsSyncStep2) resolve(socket)
    })
  })
}

function row(name: string, histogram: Histogram): string {
  const cell = (value: number): string => value.toFixed(1).padStart(8)
  return `${name.padEnd(28)}${cell(histogram.percentile(50))}${cell(histogram.percentile(95))}${cell(histogram.percentile(99))}${cell(histogram.max)}`
}

const pinning = new CpuPinning()
pinning.pinSelf()
const server = new ServerProcess({ mainPath: serverMainPath, adminToken: ADMIN_TOKEN, pinning })
try {
  await server.start()
  const api = new ApiClient(server.url, ADMIN_TOKEN)
  const event = await api.createEvent('Ack latency', new Date(Date.now() + 86_400_000))
  const roundtable = await api.createRoundtable(event.id, 'Ack latency')
  const writerInvite = await api.createRapporteurInvite(roundtable.id, 'writer')
  const readerInvite = await api.createRapporteurInvite(roundtable.id, 'reader')

  const writerDoc = new Y.Doc()
  const writerId = writerDoc.clientID
  const clocks: number[] = []
  const sentAt: number[] = []
  const relayedAt: number[] = []
  const savedAt: number[] = []
  const settle = (times: number[], clock: number, at: number): void => {
    for (let index = times.length; index < clocks.length && (clocks[index] as number) <= clock; index++) times.push(at)
  }
  const writerSocket = await connectDurableWriter(server.wsUrl, roundtable.id, writerInvite.token, writerDoc, (vector, at) =>
    settle(savedAt, vector.get(writerId) ?? 0, at),
  )
  const readerDoc = new Y.Doc()
  readerDoc.on('update', () => settle(relayedAt, Y.getState(readerDoc.store, writerId), performance.now()))
  const reader = new SyncSocket({ wsUrl: server.wsUrl, roundtableId: roundtable.id, token: readerInvite.token, doc: readerDoc })
  await reader.synced

  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  writerDoc.getXmlFragment('summary').insert(0, [paragraph])
  await sleep(200)
  // Keystrokes before this one set up the paragraph; they are not measured.
  const firstMeasured = clocks.length
  const keystrokes = Math.round(seconds * rate)
  const start = performance.now()
  for (let index = 0; index < keystrokes; index++) {
    const due = start + (index * 1000) / rate
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
    text.insert(text.length, String.fromCharCode(97 + (index % 26)))
    clocks.push(Y.getState(writerDoc.store, writerId))
    sentAt.push(performance.now())
  }
  const deadline = performance.now() + 5000
  while ((relayedAt.length < clocks.length || savedAt.length < clocks.length) && performance.now() < deadline) await sleep(20)

  const relay = new Histogram()
  const saved = new Histogram()
  const added = new Histogram()
  for (let index = firstMeasured; index < clocks.length; index++) {
    const sent = sentAt[index] as number
    const relayed = relayedAt[index]
    const acked = savedAt[index]
    if (relayed === undefined || acked === undefined) continue
    relay.record(relayed - sent)
    saved.record(acked - sent)
    added.record(Math.max(0, acked - relayed))
  }
  process.stdout.write(
    [
      `Durable acknowledgement cost: ${keystrokes} keystrokes at ${rate}/s, 1 writer (durable=1) + 1 reader; ${pinning.note}`,
      `${'ms'.padEnd(28)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}`,
      row('keystroke → relayed', relay),
      row('keystroke → SAVED', saved),
      row('added (SAVED − relayed)', added),
      `relayed ${relay.count}/${keystrokes}, saved ${saved.count}/${keystrokes}`,
      '',
    ].join('\n'),
  )
  writerSocket.close()
  reader.close()
  process.exitCode = relay.count === keystrokes && saved.count === keystrokes ? 0 : 1
} catch (error) {
  process.stderr.write(`ack-latency failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
} finally {
  await server.stop()
}
