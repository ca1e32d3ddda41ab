/**
 * The y-websocket wire protocol: every message starts with one of these outer message types (a varUint),
 * followed by its payload. Sync payloads start with a sub-type from `y-protocols/sync`
 * (`messageYjsSyncStep1 = 0`, `messageYjsSyncStep2 = 1`, `messageYjsUpdate = 2`).
 */
export const messageSync = 0
export const messageAwareness = 1
export const messageAuth = 2
export const messageQueryAwareness = 3
/**
 * Rapporteur's extension (docs/PROTOCOL.md): durability acknowledgements, sent by the server only to connections
 * that asked for them (`durable=1`), and the save requests such connections send. Payload: a varUint kind
 * (`DurabilityKind`), then the kind's payload.
 */
export const messageDurability = 100

/** The kinds of a `messageDurability` message. */
export const DurabilityKind = {
  /** `varUint8Array stateVector`: every update up to this state vector is durable in the store. */
  Saved: 0,
  /** `varString reason`: the server cannot store updates right now; it keeps relaying, sends no SAVED until it can. */
  StorageFailing: 1,
  /**
   * Client → server, `varUint seq`: "tell me once everything I sent before this is durable". Ignored from a
   * connection without `durableAcks`.
   */
  SaveRequest: 2,
  /** Server → client, `varUint seq`: everything the connection sent before its SAVE_REQUEST `seq` is durable. */
  SavedThrough: 3,
} as const

export type DurabilityKind = (typeof DurabilityKind)[keyof typeof DurabilityKind]

/**
 * WebSocket close codes the collaboration server and its glue send (RFC 6455 keeps 4000–4999 for
 * applications). The stock y-websocket 3 client stops reconnecting on 4400–4499 (a decision reconnecting
 * cannot fix) and retries on every other code, so "try again later" codes live in 4500–4599.
 */
export const CloseCode = {
  /**
   * The client sent a message the server cannot read (random bytes, a truncated varint, an unknown message
   * type, an update or awareness update that does not decode). Sent by the core. The stock client does not
   * retry: reconnecting would send it again.
   */
  MessageInvalid: 4400,
  /**
   * The connection carries no token, or one the server does not know or that has expired. Sent by the glue
   * right after the upgrade, before any document byte. The stock client does not retry.
   */
  Unauthorized: 4401,
  /**
   * The token is valid but not for this document (another roundtable or event). Sent by the glue right after
   * the upgrade, before any document byte. The stock client does not retry.
   */
  Forbidden: 4403,
  /**
   * An update carried new structs under a client id another live connection of the document owns (it created
   * structs with it first; see `ClientIdBindings`). The update was not applied, relayed or stored. Sent by the
   * core. The stock client does not retry: its structs would collide again.
   */
  ClientIdTaken: 4409,
  /**
   * The invite behind the token was revoked: sent by the glue at the upgrade, and to open connections when
   * their invite is revoked (`CollabServer.closeConnections`). The stock client does not retry.
   */
  AccessRevoked: 4410,
  /**
   * A received message was longer than `CollabLimits.maxMessageBytes` (or a client sent more than twice that
   * before its document loaded). Sent by the core before decoding. The stock client does not retry.
   */
  MessageTooLarge: 4413,
  /**
   * An update would have made the document larger than `CollabLimits.maxDocumentBytes`; it was not applied.
   * Sent by the core. The stock client does not retry.
   */
  DocumentTooLarge: 4414,
  /**
   * The client writes an older document layout than the server accepts (`CollabServerOptions.refuseUpdate`, as
   * the server wires it): the update was not applied. Reload the page. The stock client does not retry.
   */
  ClientOutdated: 4426,
  /**
   * The connection sent more messages than `CollabLimits.messagesPerSecond` allows. Sent by the core. The stock
   * client does not retry (a client this chatty is broken or hostile).
   */
  RateLimited: 4429,
  /** The document could not be loaded from storage. Nothing was stored. Sent by the core; the stock client retries. */
  DocumentLoadFailed: 4500,
  /**
   * The server is stopping after storing every update it received. Sent by the core and the glue; the stock
   * client retries.
   */
  ServerShuttingDown: 4503,
  /**
   * The document already has `CollabLimits.maxConnectionsPerDocument` writers (or, for a read-only connection,
   * `maxReadOnlyConnectionsPerDocument` readers), or the connection's `limitKey` (its invite) already holds
   * `maxConnectionsPerLimitKey` connections of the document; the reason says which. Sent by the core at once,
   * before any document byte; the stock client retries (with its backoff), as room may free up.
   */
  TooManyConnections: 4508,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
