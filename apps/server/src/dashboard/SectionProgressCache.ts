import type { ReuseSectionProgress, SectionProgress } from '@rapporteur/template'
import type * as Y from 'yjs'

/** A shared type as Yjs names it in a transaction's changes. */
type SharedType = Y.Transaction['changed'] extends Map<infer Type, unknown> ? Type : never

interface KeptProgress {
  readonly progress: SectionProgress
  /** The change count when the run that read it began: it is current while its section has not changed since. */
  readonly readAt: number
}

/** One progress run's view of the cache: what it may reuse, and where to keep what it read. */
export interface SectionProgressRun {
  readonly reuse: ReuseSectionProgress
  /** Keeps the run's sections (call when the run finished; a failed run keeps nothing). */
  readonly keep: (sections: readonly SectionProgress[]) => void
}

/**
 * An open report's last progress per rich-text section, and which sections changed since: every transaction
 * of the document marks the top-level types it touched (a section is the fragment named by its id), so a
 * progress run reads again only the sections edited since the run that kept them. Five rapporteurs typing in
 * five sections leave the template's other sections unread.
 *
 * Changes are counted, not flagged: a run notes the count when it begins and keeps what it read with it; a
 * section changed during the run (after the count) has a later mark and is read again next time, whether this run
 * read it before or after the change.
 */
export class SectionProgressCache {
  private changes = 0
  /** Top-level type name → the change count of its last change. */
  private readonly changedAt = new Map<string, number>()
  private readonly kept = new Map<string, KeptProgress>()
  private readonly rootNames = new Map<SharedType, string>()
  private readonly noteTransaction = (transaction: Y.Transaction): void => this.note(transaction)

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.noteTransaction)
  }

  begin(): SectionProgressRun {
    const readAt = this.changes
    return {
      reuse: (section) => {
        const kept = this.kept.get(section.id)
        if (kept === undefined || kept.readAt < (this.changedAt.get(section.id) ?? 0)) return undefined
        return kept.progress
      },
      keep: (sections) => {
        for (const progress of sections) this.kept.set(progress.sectionId, { progress, readAt })
      },
    }
  }

  dispose(): void {
    this.doc.off('afterTransaction', this.noteTransaction)
  }

  private note(transaction: Y.Transaction): void {
    if (transaction.changed.size === 0) return
    this.changes += 1
    for (const type of transaction.changed.keys()) {
      const name = this.rootName(type)
      if (name !== undefined) this.changedAt.set(name, this.changes)
    }
  }

  /** The name of the top-level type `type` lives in (undefined if it is not attached to this document). */
  private rootName(type: SharedType): string | undefined {
    let root = type
    while (root._item !== null) {
      const parent = root._item.parent
      if (parent === null || !('_item' in parent)) return undefined
      root = parent as SharedType
    }
    const known = this.rootNames.get(root)
    if (known !== undefined) return known
    for (const [name, shared] of this.doc.share) {
      if (shared === root) {
        this.rootNames.set(root, name)
        return name
      }
    }
    return undefined
  }
}
