import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WebSocket } from 'ws'
import { KeepAlive } from '../KeepAlive.js'

afterEach(() => {
  vi.useRealTimers()
})

function fakeSockets(count: number): { sockets: WebSocket[]; pings: Map<WebSocket, number> } {
  const pings = new Map<WebSocket, number>()
  const sockets = Array.from({ length: count }, () => {
    const socket = { ping: () => pings.set(socket, (pings.get(socket) ?? 0) + 1) } as unknown as WebSocket
    return socket
  })
  return { sockets, pings }
}

describe('KeepAlive', () => {
  it('pings the sockets in groups spread over the interval, each once per interval', () => {
    vi.useFakeTimers()
    const keepAlive = new KeepAlive(160, () => undefined)
    const { sockets, pings } = fakeSockets(32)
    for (const socket of sockets) keepAlive.add(socket)

    vi.advanceTimersByTime(10)
    expect([...pings.values()].reduce((sum, count) => sum + count, 0)).toBe(2)
    vi.advanceTimersByTime(150)
    expect(sockets.map((socket) => pings.get(socket))).toEqual(sockets.map(() => 1))
    keepAlive.close()
  })

  it('terminates a socket that showed no sign of life since its last ping, and spares one that answered', () => {
    vi.useFakeTimers()
    const unresponsive: WebSocket[] = []
    const keepAlive = new KeepAlive(160, (socket) => unresponsive.push(socket))
    const { sockets } = fakeSockets(2)
    const [silent, answering] = sockets as [WebSocket, WebSocket]
    keepAlive.add(silent)
    keepAlive.add(answering)
    vi.advanceTimersByTime(160)
    keepAlive.answered(answering)
    vi.advanceTimersByTime(160)
    expect(unresponsive).toEqual([silent])
    keepAlive.close()
  })
})
