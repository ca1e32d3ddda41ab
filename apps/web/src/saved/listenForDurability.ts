import { encodeSaveRequestMessage, messageDurability } from '@rapporteur/collab'
import type { WebsocketProvider } from 'y-websocket'
import { readDurabilityMessage } from './readDurabilityMessage'
import type { SavedStateTracker } from './createSavedStateTracker'

/**
 * Feeds the server's durability messages (type 100, sent because the provider connects with `durable=1`)
 * into `tracker`, and after each (re)sync asks for SAVED_THROUGH of whatever is still unsaved. Returns a
 * function that removes the handlers.
 */
export function listenForDurability(provider: WebsocketProvider, tracker: SavedStateTracker): () => void {
  provider.messageHandlers[messageDurability] = (_encoder, decoder) => {
    const message = readDurabilityMessage(decoder)
    if (message.kind === 'saved') tracker.acknowledge(message.stateVector)
    else if (message.kind === 'saved-through') tracker.acknowledgeThrough(message.seq)
    else if (message.kind === 'storage-failing') tracker.reportFailing(message.reason)
  }
  const onSync = (synced: boolean) => {
    if (synced) tracker.requestPendingSave()
  }
  provider.on('sync', onSync)
  return () => {
    provider.off('sync', onSync)
    delete provider.messageHandlers[messageDurability]
  }
}

/**
 * Sends SAVE_REQUEST `seq` through the provider's socket when it is connected and synced: the server then holds
 * every change this page made (the client's sync step 2 went out before the sync completed), and handles the
 * request after them. Otherwise nothing is sent; the next sync asks again (`listenForDurability`).
 */
export function sendSaveRequest(provider: WebsocketProvider, seq: number): void {
  if (!provider.wsconnected || !provider.synced) return
  try {
    provider.ws?.send(encodeSaveRequestMessage(seq))
  } catch {
    // The socket is closing; the next sync asks again.
  }
}
