/**
 * The little the collaboration core needs from a socket. The glue (for example a `ws` WebSocket) implements it
 * and tells the core about incoming messages and the socket closing through the `Connection` it got back.
 */
export interface CollabSocket {
  /** Sends one binary message. The same bytes may be handed to many sockets; do not modify them. */
  send(data: Uint8Array): void
  /** Closes the socket with a code from `CloseCode` and a short human-readable reason. */
  close(code: number, reason: string): void
  /**
   * True once the socket's close handshake has begun (the glue learns of the close a little later). A closing
   * connection no longer holds its client ids (see `ClientIdBindings`), so the same client reconnecting is not
   * refused meanwhile. Default: false.
   */
  readonly closing?: boolean
}
