import type { DocumentStore, StoredUpdate } from '../DocumentStore.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'

/**
 * A real in-memory store whose writes (append, compact) can be held back (`holdWrites`, then `releaseWrites`)
 * or made to fail (`failWrites`). Loads go straight through.
 */
export class ControlledWriteStore implements DocumentStore {
  readonly inner = new MemoryDocumentStore()
  failWrites = false
  writeCalls = 0
  private held: (() => void)[] | null = null

  holdWrites(): void {
    this.held ??= []
  }

  releaseWrites(): void {
    const held = this.held ?? []
    this.held = null
    for (const release of held) release()
  }

  load(documentName: string): Promise<StoredUpdate[]> {
    return this.inner.load(documentName)
  }

  async append(documentName: string, update: Uint8Array): Promise<number> {
    await this.gate()
    return this.inner.append(documentName, update)
  }

  async compact(documentName: string, mergedUpdate: Uint8Array, replacedIds: readonly number[]): Promise<number> {
    await this.gate()
    return this.inner.compact(documentName, mergedUpdate, replacedIds)
  }

  quarantine(documentName: string, ids: readonly number[]): Promise<void> {
    return this.inner.quarantine(documentName, ids)
  }

  close(): Promise<void> {
    return this.inner.close()
  }

  private async gate(): Promise<void> {
    this.writeCalls++
    if (this.held !== null) await new Promise<void>((resolve) => this.held?.push(resolve))
    if (this.failWrites) throw new Error('simulated disk failure')
  }
}
