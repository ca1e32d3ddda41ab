import * as Y from 'yjs'
import { appendCharacterUpdate } from './appendCharacterUpdate.js'
import { cursorAwareness } from './cursorAwareness.js'
import { createReceiver, type DeliveryLedger } from './DeliveryLedger.js'
import { LightClient } from './LightClient.js'
import type { RunningServer } from '../servers/ServerUnderTest.js'

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

export interface TypistOptions {
  readonly server: RunningServer
  readonly documentName: string
  /** Small unique Yjs client id: keystrokes are identified by (clientId, clock). */
  readonly clientId: number
  /** Report section (XmlFragment) the typist writes into, in a paragraph of its own. */
  readonly section: string
  /** The ledger of the current phase (read at every keystroke and receipt, so phases can swap it). */
  readonly ledger: () => DeliveryLedger
  /** How many clients receive each keystroke (the other editors and observers of the document). */
  readonly receivers: number
  /** Send an awareness (cursor) update with every keystroke. */
  readonly cursor: boolean
  /** Told of every keystroke with its intended time (e.g. the chair-feed latency). */
  readonly onType?: (documentName: string, intendedAt: number) => void
}

/**
 * One simulated editor. Its Y.Doc makes only its own paragraph and first letter (remote updates are parsed for
 * receipts, never applied); every later letter follows its previous one, so its update is encoded by hand
 * (`appendCharacterUpdate`) and a keystroke costs the generator a few microseconds and almost no garbage,
 * whatever the document's size: one letter appended, one update message, and optionally one awareness message
 * with the cursor after it.
 */
export class Typist {
  readonly client: LightClient
  private readonly doc = new Y.Doc()
  private readonly receiver
  private text: Y.XmlText | null = null
  private typed = 0
  private nextClock = 0
  private awarenessClock = 0
  private readonly cursor: ReturnType<typeof cursorAwareness>

  constructor(private readonly options: TypistOptions) {
    this.doc.clientID = options.clientId
    this.receiver = createReceiver('editor', options.clientId)
    this.cursor = cursorAwareness(options.clientId, `Typist ${options.clientId}`, options.section)
    this.client = new LightClient({
      server: options.server,
      documentName: options.documentName,
      onUpdate: (update, receivedAt, isSyncStep2) => {
        if (!isSyncStep2) options.ledger().recordUpdate(this.receiver, update, receivedAt)
      },
    })
    this.doc.on('update', (update: Uint8Array) => this.client.sendUpdate(update))
  }

  get clientId(): number {
    return this.options.clientId
  }

  /** Next clock of this typist: every struct it created is below it. */
  get clock(): number {
    return this.nextClock
  }

  /** Waits for the sync, adds its empty paragraph and shows itself in awareness. */
  async ready(): Promise<void> {
    await this.client.synced
    const fragment = this.doc.getXmlFragment(this.options.section)
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    this.doc.transact(() => {
      fragment.insert(0, [paragraph])
      paragraph.insert(0, [text])
    })
    this.text = text
    this.nextClock = Y.getState(this.doc.store, this.options.clientId)
    this.sendCursor()
  }

  /** Types one letter now; `intendedAt` is when the schedule wanted it (performance.now() time base). */
  type(intendedAt: number): void {
    const text = this.text
    if (text === null) throw new Error('type() before ready()')
    const clock = this.nextClock
    const letter = LETTERS[this.typed % LETTERS.length] ?? 'a'
    this.options.ledger().recordSend(this.options.clientId, clock, intendedAt, this.options.receivers)
    if (this.typed === 0) {
      text.insert(text.length, letter)
    } else {
      this.client.sendUpdate(appendCharacterUpdate(this.options.clientId, clock, letter))
    }
    this.nextClock = clock + letter.length
    this.typed += 1
    this.options.onType?.(this.options.documentName, intendedAt)
    if (this.options.cursor) this.sendCursor()
  }

  close(): void {
    this.client.close()
    this.doc.destroy()
  }

  private sendCursor(): void {
    this.awarenessClock += 1
    this.client.sendAwareness(this.cursor(this.awarenessClock, Math.max(this.clock - 1, 0)))
  }
}
