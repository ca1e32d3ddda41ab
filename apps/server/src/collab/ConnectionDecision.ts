/**
 * What `authorize` decided for an upgrade to an existing document. `allow`: the socket becomes a connection
 * of the core, with `context` and, when `readOnly`, without write access. Otherwise the upgrade is accepted
 * and the socket closed at once with `code` and `reason`, before any byte of the document is sent, so that
 * browsers (which cannot read a refused upgrade's status) learn why.
 */
export type ConnectionDecision =
  | {
      readonly allow: true
      /** Handed to `collab.handleConnection` (`connection.context`). */
      readonly context?: unknown
      readonly readOnly?: boolean
      /**
       * Who the connection counts against for the per-token connection limit (the core's `limitKey`): the invite's
       * id, or the role for the organizer. Never the token itself. Default: none (not counted).
       */
      readonly limitKey?: string
    }
  | {
      readonly allow: false
      /** A `CloseCode`, e.g. 4401. */
      readonly code: number
      /** Sent as the close reason (at most 123 bytes) and logged. */
      readonly reason: string
      /** Logged beside the reason; never put a secret here. */
      readonly logFields?: Record<string, unknown>
    }
