import type { DocumentStore, StoredUpdate } from './DocumentStore.js'

/** A `DocumentStore` kept in process memory: for tests and throwaway servers. Nothing survives the process. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly documents = new Map<string, StoredUpdate[]>()
  private readonly quarantined = new Map<string, StoredUpdate[]>()
  private nextId = 1
  private isClosed = false

  async load(documentName: string): Promise<StoredUpdate[]> {
    this.assertOpen()
    return [...(this.documents.get(documentName) ?? [])]
  }

  async append(documentName: string, update: Uint8Array): Promise<number> {
    this.assertOpen()
    return this.insert(documentName, update)
  }

  async compact(
    documentName: string,
    mergedUpdate: Uint8Array,
    replacedIds: readonly number[],
    stateVector?: Uint8Array,
  ): Promise<number> {
    this.assertOpen()
    const replaced = new Set(replacedIds)
    const kept = (this.documents.get(documentName) ?? []).filter((record) => !replaced.has(record.id))
    this.documents.set(documentName, kept)
    return this.insert(documentName, mergedUpdate, stateVector)
  }

  async quarantine(documentName: string, ids: readonly number[]): Promise<void> {
    this.assertOpen()
    const moved = new Set(ids)
    const records = this.documents.get(documentName) ?? []
    this.documents.set(documentName, records.filter((record) => !moved.has(record.id)))
    const quarantined = this.quarantined.get(documentName) ?? []
    quarantined.push(...records.filter((record) => moved.has(record.id)))
    this.quarantined.set(documentName, quarantined)
  }

  /** The records set aside by `quarantine`, oldest first. */
  quarantinedRecords(documentName: string): StoredUpdate[] {
    return [...(this.quarantined.get(documentName) ?? [])]
  }

  async close(): Promise<void> {
    this.isClosed = true
  }

  /** How many records the document has; lets tests see compaction happen. */
  recordCount(documentName: string): number {
    return this.documents.get(documentName)?.length ?? 0
  }

  private insert(documentName: string, update: Uint8Array, stateVector?: Uint8Array): number {
    const record: StoredUpdate = {
      id: this.nextId++,
      update: update.slice(),
      ...(stateVector === undefined ? {} : { stateVector: stateVector.slice() }),
    }
    const records = this.documents.get(documentName) ?? []
    records.push(record)
    this.documents.set(documentName, records)
    return record.id
  }

  private assertOpen(): void {
    if (this.isClosed) throw new Error('MemoryDocumentStore is closed')
  }
}
