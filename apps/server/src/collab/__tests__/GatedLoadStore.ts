import type { DocumentStore, StoredUpdate } from '@rapporteur/collab'

/**
 * A real store whose loads wait until `open()` is called, or fail while `failLoads` is set.
 * Writes go straight through.
 */
export class GatedLoadStore implements DocumentStore {
  loadCalls = 0
  failLoads = false
  private readonly inner: DocumentStore
  private release: () => void = () => {}
  private readonly gate: Promise<void>

  constructor(inner: DocumentStore, { open = false } = {}) {
    this.inner = inner
    this.gate = new Promise((resolve) => {
      this.release = resolve
    })
    if (open) this.open()
  }

  open(): void {
    this.release()
  }

  async load(documentName: string): Promise<StoredUpdate[]> {
    this.loadCalls++
    await this.gate
    if (this.failLoads) throw new Error('simulated read failure')
    return this.inner.load(documentName)
  }

  append(documentName: string, update: Uint8Array): Promise<number> {
    return this.inner.append(documentName, update)
  }

  compact(documentName: string, mergedUpdate: Uint8Array, replacedIds: readonly number[]): Promise<number> {
    return this.inner.compact(documentName, mergedUpdate, replacedIds)
  }

  close(): Promise<void> {
    return this.inner.close()
  }
}
