import path from 'node:path'
import { CloseCode, type Logger } from '@rapporteur/collab'
import { roundtableReportTemplate, southSouthMobilityReport, writeReportContent } from '@rapporteur/template'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectStockClient, type StockClient } from '../collab/__tests__/connectStockClient.js'
import { createTempDirectory } from '../collab/__tests__/createTempDirectory.js'
import { FrameBatchSender } from '../collab/__tests__/FrameBatchSender.js'
import { protocolFrameArbitrary } from '../collab/__tests__/protocolFrameArbitrary.js'
import { SeededRandom, randomReportEdit } from '../collab/__tests__/randomReportEdit.js'
import { recordProtocolFrames } from '../collab/__tests__/recordProtocolFrames.js'
import { startCollabTestServer, type CollabTestServer } from '../collab/__tests__/startCollabTestServer.js'
import { messageKind } from '../collab/__tests__/syncMessages.js'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import { SqliteDocumentStore } from '../storage/SqliteDocumentStore.js'
import { openDatabase } from '../storage/openDatabase.js'

/** Replay a failure with `COLLAB_FUZZ_SEED=<seed printed by fast-check>`; go longer with `COLLAB_FUZZ_RUNS`. */
const seed = Number(process.env.COLLAB_FUZZ_SEED ?? 20_260_311)
const numRuns = Number(process.env.COLLAB_FUZZ_RUNS ?? 3000)
const documentName = 'fuzzed-report'
const maxMessageBytes = 64 * 1024
/** On a slow or busy machine the fuzzing stops early (and still passes) rather than running into the test timeout. */
const fuzzingTimeLimitMs = 20_000

/** How the server may end a fuzzing connection: the core's codes, or `ws` cutting a frame far over the limit. */
const acceptedCloseCodes = new Set<number>([
  CloseCode.MessageInvalid,
  CloseCode.MessageTooLarge,
  CloseCode.DocumentTooLarge,
  CloseCode.RateLimited,
  1009, // ws: message too big
])

/** The whole state of a document: its state vector and delete set. Equal fingerprints, equal documents. */
function fingerprint(doc: Y.Doc): string {
  return Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')
}

/** Closes any stock client gets from the server; a well-behaved client must never get one. */
function recordCloses(client: StockClient): number[] {
  const codes: number[] = []
  client.provider.on('connection-close', (event) => {
    if (event !== null) codes.push(event.code)
  })
  return codes
}

/** The core's error lines (warnings are expected by the thousand: every refused frame logs one). */
function errorRecorder(): Logger & { errors: string[] } {
  const errors: string[] = []
  return {
    errors,
    debug() {},
    info() {},
    warn() {},
    error(message, fields) {
      errors.push(`${message}: ${String((fields?.error as Error | undefined)?.stack ?? '')}`)
    },
  }
}

describe('the collaboration server under malformed and mutated frames', () => {
  let temp: ReturnType<typeof createTempDirectory>
  let server: CollabTestServer
  let logger: ReturnType<typeof errorRecorder>
  const clients: StockClient[] = []

  beforeEach(async () => {
    temp = createTempDirectory('rapporteur-fuzz-')
    logger = errorRecorder()
    server = await startCollabTestServer({
      databaseFile: path.join(temp.dir, 'rapporteur.db'),
      collab: { limits: { maxMessageBytes }, compactAfterRecords: 50, logger },
      webSocket: { maxMessageBytes },
    })
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  function connect(): StockClient {
    const client = connectStockClient(server.collabUrl, documentName)
    clients.push(client)
    return client
  }

  it('stays up, closes only fuzzing sockets, and keeps good clients and the stored document identical', async () => {
    // Real frames to mutate: a seed client writes the demo report, edits it and shares presence, then leaves.
    const seeder = connect()
    await seeder.synced()
    const recorder = recordProtocolFrames(seeder.doc, seeder.provider.awareness)
    writeReportContent(seeder.doc, roundtableReportTemplate, southSouthMobilityReport)
    const seedRandom = new SeededRandom(seed)
    for (let index = 0; index < 40; index++) {
      randomReportEdit(seeder.doc, seedRandom)
      if (index % 8 === 0) seeder.provider.awareness.setLocalStateField('section', `section-${index}`)
    }
    const queryAwareness = new Uint8Array([3])
    const permissionDenied = new Uint8Array([2, 0, 4, 0x6e, 0x6f, 0x70, 0x65])
    const realFrames = [...recorder.stop(), queryAwareness, permissionDenied]
    await server.collab.flush()
    // Edits made on copies of the seeded document and never sent: new to the server, built on what it holds.
    const seeded = Y.encodeStateAsUpdate(seeder.doc)
    const freshUpdates = Array.from({ length: 8 }, () => {
      const copy = new Y.Doc()
      Y.applyUpdate(copy, seeded)
      const before = Y.encodeStateVector(copy)
      for (let index = 0; index < 6; index++) randomReportEdit(copy, seedRandom)
      return Y.encodeStateAsUpdate(copy, before)
    })
    const writer = connect()
    const reader = connect()
    await Promise.all([writer.synced(), reader.synced()])
    expect(writer.doc.getXmlFragment('summary').length).toBeGreaterThan(0)
    seeder.destroy()
    const writerCloses = recordCloses(writer)
    const readerCloses = recordCloses(reader)

    // The writer keeps editing, like a rapporteur typing, while the fuzzer runs.
    let editing = true
    let edits = 0
    const editRandom = new SeededRandom(seed + 1)
    const editLoop = (async () => {
      while (editing) {
        writer.doc.transact(() => {
          try {
            randomReportEdit(writer.doc, editRandom)
          } catch {
            // A fuzzed update may have put odd content where the random editor expects paragraphs or quotes.
          }
          writer.doc.getText('writer-log').insert(writer.doc.getText('writer-log').length, `${++edits};`)
        })
        await new Promise((resolve) => setTimeout(resolve, editRandom.int(5, 20)))
      }
    })()

    const sender = new FrameBatchSender(`${server.collabUrl}/${documentName}`)
    const outcomes = new Map<string, number>()
    let batches = 0
    let framesSent = 0
    const frameBatches = fc.array(protocolFrameArbitrary(realFrames, { maxMessageBytes, freshUpdates }), {
      minLength: 1,
      maxLength: 8,
    })
    try {
      await fc.assert(
        fc.asyncProperty(frameBatches, async (frames) => {
          const { closeCode } = await sender.send(frames)
          batches++
          framesSent += frames.length
          const key = closeCode === null ? 'open' : String(closeCode)
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
          if (closeCode !== null && !acceptedCloseCodes.has(closeCode)) {
            throw new Error(`The server closed a fuzzing socket with ${closeCode}`)
          }
        }),
        {
          seed,
          numRuns,
          endOnFailure: true,
          interruptAfterTimeLimit: fuzzingTimeLimitMs,
          markInterruptAsFailure: false,
        },
      )
    } finally {
      sender.close()
      editing = false
      await editLoop
    }

    // The fuzzer reached the decoders and the limits, and some of its frames were accepted.
    expect(batches).toBeGreaterThanOrEqual(Math.min(numRuns, 500))
    expect(framesSent).toBeGreaterThan(2 * batches)
    expect(outcomes.get(String(CloseCode.MessageInvalid)) ?? 0).toBeGreaterThan(batches / 4)
    expect(outcomes.get(String(CloseCode.MessageTooLarge)) ?? 0).toBeGreaterThan(0)
    expect(outcomes.get('open') ?? 0).toBeGreaterThan(batches / 100)
    const kinds = new Set(sender.received.map(messageKind))
    expect([...kinds].every((kind) => ['step1', 'step2', 'update', 'awareness'].includes(kind))).toBe(true)
    expect(edits).toBeGreaterThan(50)

    // No good client was closed and nothing failed unforeseen (an update that passed validation and then failed).
    expect(writerCloses).toEqual([])
    expect(readerCloses).toEqual([])
    expect(logger.errors).toEqual([])

    // Every edit of the writer reached the reader, and both hold exactly the same document.
    await waitUntil(() => fingerprint(reader.doc) === fingerprint(writer.doc), 'the reader caught up', 15_000)
    expect(reader.doc.getText('writer-log').toString()).toBe(writer.doc.getText('writer-log').toString())
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc))

    // The server is up: a newcomer connects and syncs the same document.
    const newcomer = connect()
    await newcomer.synced()
    expect(fingerprint(newcomer.doc)).toBe(fingerprint(writer.doc))

    // What is stored, loaded fresh from the SQLite file, is that same document, with nothing left pending.
    await server.collab.flush()
    const db = openDatabase(path.join(temp.dir, 'rapporteur.db'))
    try {
      const stored = new Y.Doc()
      const records = await new SqliteDocumentStore(db).load(documentName)
      for (const record of records) Y.applyUpdate(stored, record.update)
      expect(fingerprint(stored)).toBe(fingerprint(writer.doc))
      expect(stored.getText('writer-log').toString()).toBe(writer.doc.getText('writer-log').toString())
      expect(stored.store.pendingStructs).toBeNull()
      expect(stored.store.pendingDs).toBeNull()
    } finally {
      db.close()
    }
  }, 60_000)
})
