export { CollabServer, type CollabServerOptions } from './CollabServer.js'
export type { CollabHooks } from './CollabHooks.js'
export { defaultCollabLimits, type CollabLimits } from './CollabLimits.js'
export type { CollabSocket } from './CollabSocket.js'
export { Connection, type ConnectionOptions } from './Connection.js'
export type { DocumentStore, StoredUpdate } from './DocumentStore.js'
export { InvalidUpdateError } from './InvalidUpdateError.js'
export { silentLogger, type Logger } from './Logger.js'
export { MemoryDocumentStore } from './MemoryDocumentStore.js'
export type { RefuseUpdate, UpdateRefusal } from './RefuseUpdate.js'
export { isPeerOrigin, isUpdateOrigin, SERVER_ORIGIN, type ChangeOrigin, type UpdateOrigin, type UpdateSource } from './UpdateOrigin.js'
export {
  encodeAwarenessMessage,
  encodePermissionDeniedMessage,
  encodeSaveRequestMessage,
  encodeSavedMessage,
  encodeSavedThroughMessage,
  encodeStorageFailingMessage,
  encodeSyncStep1Message,
  encodeSyncStep2Message,
  encodeUpdateMessage,
  readDurabilityMessage,
  type DurabilityMessage,
} from './messages.js'
export {
  CloseCode,
  DurabilityKind,
  messageAuth,
  messageAwareness,
  messageDurability,
  messageQueryAwareness,
  messageSync,
} from './protocol.js'
