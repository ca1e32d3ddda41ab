import type { WebSocket } from 'ws'

/** How many groups the sockets are pinged in, one group per tick: the pings of a round are spread over it. */
const groups = 16

/**
 * Pings every socket once per `intervalMs` and terminates one that has not shown a sign of life (a pong or a
 * message) since its previous ping. The sockets are pinged in groups spread over the interval — one group per
 * tick — so a server holding thousands of sockets never stops for all of them at once.
 */
export class KeepAlive {
  private readonly group = new Map<WebSocket, number>()
  private readonly alive = new WeakSet<WebSocket>()
  private readonly timer: ReturnType<typeof setInterval>
  private nextGroup = 0
  private tick = 0

  constructor(
    intervalMs: number,
    private readonly onUnresponsive: (socket: WebSocket) => void,
  ) {
    this.timer = setInterval(() => this.pingGroup(), Math.max(1, Math.round(intervalMs / groups)))
    this.timer.unref()
  }

  add(socket: WebSocket): void {
    this.group.set(socket, this.nextGroup)
    this.nextGroup = (this.nextGroup + 1) % groups
    this.alive.add(socket)
  }

  /** The socket showed it is alive (a pong, a message). */
  answered(socket: WebSocket): void {
    this.alive.add(socket)
  }

  remove(socket: WebSocket): void {
    this.group.delete(socket)
  }

  close(): void {
    clearInterval(this.timer)
  }

  private pingGroup(): void {
    const current = this.tick
    this.tick = (this.tick + 1) % groups
    for (const [socket, group] of this.group) {
      if (group !== current) continue
      if (!this.alive.has(socket)) {
        this.onUnresponsive(socket)
        continue
      }
      this.alive.delete(socket)
      socket.ping()
    }
  }
}
