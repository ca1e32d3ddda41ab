import type { Server } from 'node:http'

/**
 * Connections the kernel may queue before the server accepts them. Node's default (511) overflows when a room
 * full of rapporteurs reconnects at once after the Wi-Fi comes back, and an overflowed connection waits a second or
 * more for its SYN to be resent; the kernel caps this at `net.core.somaxconn`.
 */
const LISTEN_BACKLOG = 4096

/** Starts listening; rejects with the listen error (such as EADDRINUSE) instead of emitting it. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error)
    server.once('error', onError)
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', onError)
      resolve()
    })
  })
}
