import { messageDurability, readDurabilityMessage } from '@rapporteur/collab'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export type DurabilityNotice = { kind: 'saved'; stateVector: Map<number, number> } | { kind: 'failing'; reason: string }

export interface DurableClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Every durability message received, in order. */
  readonly notices: DurabilityNotice[]
  /** True when a SAVED received so far covers this client's own changes up to now. */
  isSaved(): boolean
  destroy(): void
}

/**
 * The stock y-websocket client asking for durability acknowledgements, as the web app does:
 * `params: { durable: '1' }` (plus `token` when given) and a handler for message type 100.
 */
export function connectDurableClient(collabUrl: string, documentName: string, token?: string): DurableClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(collabUrl, documentName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token === undefined ? { durable: '1' } : { token, durable: '1' },
  })
  const notices: DurabilityNotice[] = []
  provider.messageHandlers[messageDurability] = (_encoder, decoder) => {
    const message = readDurabilityMessage(decoder)
    if (message.kind === 'failing') notices.push(message)
    else if (message.kind === 'saved') notices.push({ kind: 'saved', stateVector: Y.decodeStateVector(message.stateVector) })
  }
  return {
    doc,
    provider,
    notices,
    isSaved() {
      const clock = Y.getState(doc.store, doc.clientID)
      const last = notices.filter((notice) => notice.kind === 'saved').at(-1)
      return last !== undefined && (last.stateVector.get(doc.clientID) ?? 0) >= clock
    },
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}
