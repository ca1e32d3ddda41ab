interface LastSeen {
  epoch: number
  seq: number
}

/**
 * The last message seen per (document, sender), to tell when messages were missed. A sender first seen sets the
 * baseline (what came before is what the catch-up on opening covers); a new epoch of a known sender (it reopened
 * the document) must start at 1; within an epoch each seq must be the previous one plus one.
 */
export class SequenceTracker {
  private readonly documents = new Map<string, Map<string, LastSeen>>()

  /** Records the message and says whether messages from that sender were missed before it. */
  observe(documentName: string, senderId: string, epoch: number, seq: number): boolean {
    let senders = this.documents.get(documentName)
    if (senders === undefined) {
      senders = new Map()
      this.documents.set(documentName, senders)
    }
    const last = senders.get(senderId)
    if (last === undefined) {
      senders.set(senderId, { epoch, seq })
      return false
    }
    const expected = last.epoch === epoch ? last.seq + 1 : 1
    if (last.epoch !== epoch || seq > last.seq) {
      last.epoch = epoch
      last.seq = seq
    }
    return seq !== expected
  }

  /** Forgets a document's senders (it closed here: a reopening starts from new baselines). */
  forget(documentName: string): void {
    this.documents.delete(documentName)
  }
}
