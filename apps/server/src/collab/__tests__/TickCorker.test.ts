import { once } from 'node:events'
import { createServer, Socket, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { TickCorker } from '../TickCorker.js'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

async function connectedPair(): Promise<{ client: Socket; received: () => string }> {
  let text = ''
  const server = createServer((peer) => peer.on('data', (chunk: Buffer) => (text += chunk.toString())))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const client = new Socket()
  client.connect((server.address() as AddressInfo).port, '127.0.0.1')
  await once(client, 'connect')
  cleanups.push(() => {
    client.destroy()
    server.close()
  })
  return { client, received: () => text }
}

describe('TickCorker', () => {
  it('holds the writes of one turn and lets them go together at the end of the turn', async () => {
    const { client, received } = await connectedPair()
    const corker = new TickCorker()
    for (const word of ['one ', 'two ', 'three']) {
      corker.hold(client)
      client.write(word)
    }
    expect(client.writableCorked).toBe(1)
    expect(client.writableLength).toBe('one two three'.length)

    await new Promise((resolve) => setImmediate(resolve))
    expect(client.writableCorked).toBe(0)
    await expect.poll(received).toBe('one two three')
  })

  it('corks again in the next turn', async () => {
    const { client } = await connectedPair()
    const corker = new TickCorker()
    corker.hold(client)
    await new Promise((resolve) => setImmediate(resolve))
    corker.hold(client)
    expect(client.writableCorked).toBe(1)
    await new Promise((resolve) => setImmediate(resolve))
    expect(client.writableCorked).toBe(0)
  })
})
