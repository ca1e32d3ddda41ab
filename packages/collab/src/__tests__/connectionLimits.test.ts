import { afterEach, describe, expect, it } from 'vitest'
import { CollabServer } from '../CollabServer.js'
import type { ConnectionOptions } from '../Connection.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode } from '../protocol.js'
import { RawClient } from './RawClient.js'
import { RecordingLogger } from './RecordingLogger.js'

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

describe('connection limits by kind and key', () => {
  it('counts readers apart from writers, and the connections of one limitKey together', () => {
    const logger = new RecordingLogger()
    const server = new CollabServer({
      store: new MemoryDocumentStore(),
      logger,
      limits: { maxConnectionsPerDocument: 2, maxReadOnlyConnectionsPerDocument: 3, maxConnectionsPerLimitKey: 2 },
    })
    servers.push(server)
    const connect = (options: ConnectionOptions) => new RawClient(server, 'doc', options)
    const readers = [1, 2, 3].map((index) => connect({ readOnly: true, limitKey: `viewer-${index}` }))
    expect(readers.map((reader) => reader.closeCode)).toEqual([null, null, null])
    expect(connect({ readOnly: true }).closeCode).toBe(CloseCode.TooManyConnections)
    // The readers are full; writers still get in, up to their own limit.
    const writers = [connect({ limitKey: 'rapporteur' }), connect({ limitKey: 'rapporteur' })]
    expect(writers.map((writer) => writer.closeCode)).toEqual([null, null])
    expect(connect({ limitKey: 'organizer' }).closeCode).toBe(CloseCode.TooManyConnections)
    // A key's limit counts readers and writers alike.
    readers[0]?.connection.closed()
    expect(connect({ readOnly: true, limitKey: 'rapporteur' }).closeCode).toBe(CloseCode.TooManyConnections)
    expect(connect({ readOnly: true, limitKey: 'viewer-2' }).closeCode).toBeNull()
    expect(logger.at('warn').map((line) => line.fields.limit)).toEqual([
      'maxReadOnlyConnectionsPerDocument',
      'maxConnectionsPerDocument',
      'maxConnectionsPerLimitKey',
    ])
  })

  it('has no reader or key limit by default, and names a bad one', () => {
    const server = new CollabServer({ store: new MemoryDocumentStore(), limits: { maxConnectionsPerDocument: 1 } })
    servers.push(server)
    const readers = Array.from({ length: 250 }, () => new RawClient(server, 'doc', { readOnly: true, limitKey: 'one' }))
    expect(readers.every((reader) => reader.closeCode === null)).toBe(true)
    expect(new RawClient(server, 'doc').closeCode).toBeNull()
    const store = new MemoryDocumentStore()
    expect(() => new CollabServer({ store, limits: { maxConnectionsPerLimitKey: 0 } })).toThrow(/maxConnectionsPerLimitKey/)
    expect(() => new CollabServer({ store, limits: { maxReadOnlyConnectionsPerDocument: 2.5 } })).toThrow(
      /maxReadOnlyConnectionsPerDocument/,
    )
  })
})
