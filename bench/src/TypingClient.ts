import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { KeystrokeLedger } from './KeystrokeLedger.js'
import { SyncSocket } from './SyncSocket.js'

const MESSAGE_AWARENESS = 1
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

export interface TypingClientOptions {
  readonly wsUrl: string
  readonly roundtableId: string
  readonly token: string
  /** Index of the roundtable in the scenario. */
  readonly room: number
  /** Index of the rapporteur within the roundtable. */
  readonly person: number
  /** Small unique Yjs client id, so keystrokes are identified by (clientId, clock). */
  readonly clientId: number
  /** Section fragment this rapporteur types into (a paragraph at its end). */
  readonly section: string
  readonly name: string
  readonly ledger: KeystrokeLedger
}

/**
 * One simulated rapporteur: its own Y.Doc over a raw socket, present in awareness in its section, typing one
 * letter per keystroke at the end of a paragraph of its section (one Yjs update, one websocket message each).
 */
export class TypingClient {
  readonly doc = new Y.Doc()
  readonly socket: SyncSocket
  private readonly awareness: awarenessProtocol.Awareness
  private text: Y.XmlText | null = null
  private typed = 0

  constructor(private readonly options: TypingClientOptions) {
    this.doc.clientID = options.clientId
    this.socket = new SyncSocket({
      wsUrl: options.wsUrl,
      roundtableId: options.roundtableId,
      token: options.token,
      doc: this.doc,
      onRemoteUpdate: (update, receivedAt) => this.recordReceipts(update, receivedAt),
    })
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Waits for the sync, joins awareness and makes sure its paragraph exists (typing starts later). */
  async ready(): Promise<void> {
    await this.socket.synced
    const fragment = this.doc.getXmlFragment(this.options.section)
    this.doc.transact(() => {
      let paragraph = fragment.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement)
      if (paragraph === undefined) {
        paragraph = new Y.XmlElement('paragraph')
        fragment.insert(fragment.length, [paragraph])
      }
      let text = paragraph.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText)
      if (text === undefined) {
        text = new Y.XmlText()
        paragraph.insert(paragraph.length, [text])
      }
      this.text = text
    })
    this.awareness.setLocalState({
      user: { name: this.options.name, color: '#3366cc' },
      role: 'rapporteur',
      section: this.options.section,
    })
  }

  /** Types one letter now; `intendedAt` is when the schedule wanted it typed (performance.now() time base). */
  type(intendedAt: number): void {
    const text = this.text
    if (text === null) throw new Error('type() before ready()')
    const clock = Y.getState(this.doc.store, this.doc.clientID)
    const letter = LETTERS[this.typed % LETTERS.length] ?? 'a'
    this.typed += 1
    this.options.ledger.recordSend(this.options.room, this.doc.clientID, clock, intendedAt)
    text.insert(text.length, letter)
  }

  get room(): number {
    return this.options.room
  }

  get person(): number {
    return this.options.person
  }

  close(): void {
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.socket.close()
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin !== 'local') return
    const changed = [...added, ...updated, ...removed]
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    this.socket.send(encoding.toUint8Array(encoder))
  }

  private recordReceipts(update: Uint8Array, receivedAt: number): void {
    const { structs } = Y.decodeUpdate(update)
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue
      for (let offset = 0; offset < struct.length; offset += 1) {
        this.options.ledger.recordReceipt(
          this.options.room,
          this.doc.clientID,
          struct.id.client,
          struct.id.clock + offset,
          receivedAt,
        )
      }
    }
  }
}
