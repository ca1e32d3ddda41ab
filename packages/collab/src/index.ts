export { CollabServer, type CollabServerOptions } from './CollabServer.js'
export type { CollabSocket } from './CollabSocket.js'
export { Connection } from './Connection.js'
export type { DocumentStore, StoredUpdate } from './DocumentStore.js'
export { InvalidUpdateError } from './InvalidUpdateError.js'
export { silentLogger, type Logger } from './Logger.js'
export { MemoryDocumentStore } from './MemoryDocumentStore.js'
export {
  encodeAwarenessMessage,
  encodeSyncStep1Message,
  encodeSyncStep2Message,
  encodeUpdateMessage,
} from './messages.js'
export { CloseCode, messageAuth, messageAwareness, messageQueryAwareness, messageSync } from './protocol.js'
