import type { CollabHooks } from './CollabHooks.js'
import type { Connection } from './Connection.js'
import type { Logger } from './Logger.js'

/** One room's calls to the server's `CollabHooks`: a hook that throws is logged and otherwise ignored. */
export class RoomHooks {
  /** True once `onDocumentOpen` was called (so `onDocumentClose` is owed). */
  private isOpen = false

  constructor(
    private readonly documentName: string,
    private readonly hooks: CollabHooks,
    private readonly logger: Logger,
  ) {}

  call(hook: keyof CollabHooks, call: (hooks: CollabHooks) => void): void {
    try {
      call(this.hooks)
    } catch (error) {
      this.logger.error('A collab hook threw; ignoring it', { documentName: this.documentName, hook, error })
    }
  }

  /** `onDocumentOpen`, once however often the room (dormant, then built) says it serves its connections. */
  opened(): void {
    if (this.isOpen) return
    this.isOpen = true
    this.call('onDocumentOpen', (hooks) => hooks.onDocumentOpen?.(this.documentName))
  }

  /** `onDocumentClose`, if the room had opened. */
  closed(): void {
    if (!this.isOpen) return
    this.isOpen = false
    this.call('onDocumentClose', (hooks) => hooks.onDocumentClose?.(this.documentName))
  }

  /** `onConnectionsChange` with a fresh array of the room's connections (made only if someone listens). */
  connectionsChanged(connections: ReadonlySet<Connection>): void {
    if (this.hooks.onConnectionsChange === undefined) return
    const now = [...connections]
    this.call('onConnectionsChange', (hooks) => hooks.onConnectionsChange?.(this.documentName, now))
  }
}
