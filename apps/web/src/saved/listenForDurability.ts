import { messageDurability } from '@rapporteur/collab'
import type { WebsocketProvider } from 'y-websocket'
import { readDurabilityMessage } from './readDurabilityMessage'
import type { SavedStateTracker } from './createSavedStateTracker'

/**
 * Feeds the server's durability messages (type 100, sent because the provider connects with `durable=1`)
 * into `tracker`. Returns a function that removes the handler.
 */
export function listenForDurability(provider: WebsocketProvider, tracker: SavedStateTracker): () => void {
  provider.messageHandlers[messageDurability] = (_encoder, decoder) => {
    const message = readDurabilityMessage(decoder)
    if (message.kind === 'saved') tracker.acknowledge(message.stateVector)
    else if (message.kind === 'storage-failing') tracker.reportFailing(message.reason)
  }
  return () => {
    delete provider.messageHandlers[messageDurability]
  }
}
