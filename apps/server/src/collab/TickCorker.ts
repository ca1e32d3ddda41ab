import type { Socket } from 'node:net'

/**
 * Holds the writes to each socket made during one turn of the event loop and lets them go together, in one
 * system call per socket, when the turn's I/O has been handled (`setImmediate`). A relay that sends one message
 * to fifty sockets for each of several updates read in the same turn then writes each socket once, not once per
 * message. Nothing waits for a timer: the writes leave in the same turn they were made.
 */
export class TickCorker {
  private readonly corked = new Set<Socket>()
  private scheduled = false

  /** Corks `socket` until the end of this turn (once per turn, however often it is called). */
  hold(socket: Socket): void {
    if (this.corked.has(socket)) return
    socket.cork()
    this.corked.add(socket)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(this.release)
    }
  }

  private readonly release = (): void => {
    this.scheduled = false
    for (const socket of this.corked) socket.uncork()
    this.corked.clear()
  }
}
