import { messageDurability, readDurabilityMessage } from '@rapporteur/collab'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** A stock y-websocket client typing unique tokens (`c<index>-<n> `) into one section of the report. */
export interface TypingClient {
  readonly index: number
  readonly sectionId: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Every token typed so far, in order. */
  readonly typed: string[]
  /** With `durable`: this client's clock in the last SAVED received (0 before any). */
  savedClock(): number
  /** Types one more token at the end of the section's paragraph. */
  type(): void
  destroy(): void
}

/** Report section fragments the clients type into, one per client (wrapping around). */
const sectionIds = ['summary', 'challenges', 'opportunities', 'gcm-relevance', 'agenda-2030']

/** `durable`: asks for durability acknowledgements (`durable=1`) and records SAVED. */
export function connectTypingClient(
  serverUrl: string,
  roundtableId: string,
  token: string,
  index: number,
  { durable = false } = {},
): TypingClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${serverUrl.replace('http', 'ws')}/collab`, roundtableId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: durable ? { token, durable: '1' } : { token },
  })
  let savedClock = 0
  provider.messageHandlers[messageDurability] = (_encoder, decoder) => {
    const message = readDurabilityMessage(decoder)
    if (message.kind === 'saved') savedClock = Y.decodeStateVector(message.stateVector).get(doc.clientID) ?? 0
  }
  const sectionId = sectionIds[index % sectionIds.length] as string
  const typed: string[] = []
  // Each client writes its own paragraph, so it never needs another client's structs to type.
  let text: Y.XmlText | null = null
  return {
    index,
    sectionId,
    doc,
    provider,
    typed,
    savedClock: () => savedClock,
    type() {
      const token = `c${index}-${typed.length} `
      doc.transact(() => {
        if (text === null) {
          const paragraph = new Y.XmlElement('paragraph')
          text = new Y.XmlText()
          paragraph.insert(0, [text])
          const fragment = doc.getXmlFragment(sectionId)
          fragment.insert(fragment.length, [paragraph])
        }
        text.insert(text.length, token)
      })
      typed.push(token.trim())
    },
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** The tokens of `clients` missing from `doc` (all sections' text, as stored or synced). */
export function missingTokens(doc: Y.Doc, clients: readonly TypingClient[]): string[] {
  const missing: string[] = []
  for (const client of clients) {
    const present = new Set(doc.getXmlFragment(client.sectionId).toString().split(/[\s<>/]+/))
    for (const token of client.typed) if (!present.has(token)) missing.push(token)
  }
  return missing
}
