import type { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import * as ws from 'ws'
import { writeBinaryFrame } from '../writeBinaryFrame.js'

/** `ws`'s frame parser (exported at runtime, absent from its type declarations). */
interface FrameReceiver {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void
  on(event: 'error', listener: (error: Error) => void): void
  write(chunk: Buffer, callback: () => void): void
}
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; binaryType: 'nodebuffer' }) => FrameReceiver
}

/** What `ws`'s own receiver reads from the bytes written: the messages, each as bytes. */
function readFrames(chunks: readonly Buffer[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const messages: Buffer[] = []
    const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' })
    receiver.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) reject(new Error('a text frame'))
      messages.push(data)
    })
    receiver.on('error', reject)
    receiver.write(Buffer.concat(chunks), () => resolve(messages))
  })
}

describe('writeBinaryFrame', () => {
  it('writes frames that a WebSocket client reads back as the same binary messages, at every length encoding', async () => {
    const written: Buffer[] = []
    const socket = { write: (chunk: Uint8Array) => written.push(Buffer.from(chunk)) } as unknown as Socket
    const lengths = [0, 1, 125, 126, 127, 16_383, 16_384, 65_535, 65_536, 200_000]
    const messages = lengths.map((length) => Uint8Array.from({ length }, (_, index) => (index * 7 + length) % 256))
    for (const message of messages) writeBinaryFrame(socket, message)
    const read = await readFrames(written)
    expect(read.map((message) => message.byteLength)).toEqual(lengths)
    read.forEach((message, index) => expect(Buffer.compare(message, Buffer.from(messages[index] as Uint8Array))).toBe(0))
  })

  it('frames a small message once for every socket it goes to', () => {
    const chunks: unknown[] = []
    const socket = { write: (chunk: unknown) => chunks.push(chunk) } as unknown as Socket
    const message = new Uint8Array([0, 2, 3, 1, 2, 3])
    for (let i = 0; i < 3; i++) writeBinaryFrame(socket, message)
    expect(chunks).toHaveLength(3)
    expect(chunks[1]).toBe(chunks[0])
    expect(chunks[2]).toBe(chunks[0])
    writeBinaryFrame(socket, new Uint8Array([0, 2, 3, 1, 2, 3]))
    expect(chunks[3]).not.toBe(chunks[0])
  })
})
