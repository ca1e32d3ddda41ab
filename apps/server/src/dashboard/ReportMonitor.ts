import type { CollabHooks, Connection } from '@rapporteur/collab'
import type { FeedSnapshot, RoundtableStatus } from '@rapporteur/template'
import * as Y from 'yjs'
import type { RoundtableRecord } from '../storage/CatalogRecords.js'
import { computeReportState, reportStateSteps, type ReportState } from './computeReportState.js'
import { Debouncer } from './Debouncer.js'
import type { FeedSubscriber } from './FeedHub.js'
import { isWriter } from './isWriter.js'
import { OpenReportProgress, type ProgressRun } from './OpenReportProgress.js'
import { readPresence, type AwarenessStates } from './readPresence.js'
import type { ReportMonitorOptions } from './ReportMonitorOptions.js'
import { initialStatus, withRoundtable } from './roundtableStatus.js'
import { sameJson } from './sameJson.js'
import { SectionProgressCache } from './SectionProgressCache.js'
import { TemplateLookup } from './TemplateLookup.js'

export type { ReportActivityListener, ReportMonitorOptions } from './ReportMonitorOptions.js'

/** CPU spent computing report progress since the server started. */
export interface ProgressCost {
  readonly progressCpuMs: number
  readonly progressComputations: number
}

/**
 * Keeps each roundtable's `RoundtableStatus` and publishes changes to the event's feed (`FeedHub`). Fed by the
 * collab hooks (`hooks`), which only note what changed: progress is computed later, debounced per document,
 * presence read debounced, so nothing heavy runs while keystrokes are relayed. The progress of an open report
 * is computed in slices of ~2 ms (`OpenReportProgress`), one at a time per roundtable: if the debouncer fires while
 * one runs, the next starts as soon as it ends. Unloading a document and `close()` finish a running computation
 * synchronously. Statuses are persisted (`SqliteReportStatus`); a roundtable never seen is computed once from the
 * document store, in one go.
 */
export class ReportMonitor {
  readonly hooks: CollabHooks
  private readonly options: ReportMonitorOptions
  private readonly now: () => Date
  /** The last status of every roundtable seen since start. */
  private readonly statuses = new Map<string, RoundtableStatus>()
  private readonly computing = new Map<string, Promise<RoundtableStatus | undefined>>()
  /** Open reports loaded with a stored status, waiting to be computed once again (`recheckAfterLoadMs`). */
  private readonly rechecks = new Map<string, ReturnType<typeof setTimeout>>()
  /** Progress computations of open reports, in slices. */
  private readonly openProgress: OpenReportProgress
  private readonly roundtables = new Map<string, RoundtableRecord>()
  /** Built documents, by roundtable id. */
  private readonly docs = new Map<string, Y.Doc>()
  /** Each built document's last progress per section, and which sections changed since. */
  private readonly sectionProgress = new Map<string, SectionProgressCache>()
  /** Roundtables whose room is open (built, or dormant until someone edits: presence without a document). */
  private readonly opened = new Set<string>()
  private readonly awareness = new Map<string, AwarenessStates>()
  /** Server time (ms) of the latest change of an open document not yet in its status. */
  private readonly editedAt = new Map<string, number>()
  /** Roundtables with a writer connected now. */
  private readonly writersPresent = new Set<string>()
  private readonly progressDebouncer: Debouncer
  private readonly presenceDebouncer: Debouncer
  private readonly presentRefresh: ReturnType<typeof setInterval>
  private readonly templates: TemplateLookup
  private progressNanoseconds = 0n
  private progressComputations = 0

  constructor(options: ReportMonitorOptions) {
    this.options = options
    this.now = options.now ?? (() => new Date())
    this.templates = new TemplateLookup(options.logger)
    this.openProgress = new OpenReportProgress({
      sliceMs: options.progressSliceMs,
      logger: options.logger,
      begin: (id) => this.beginOpenReport(id),
      measured: (nanoseconds) => {
        this.progressNanoseconds += nanoseconds
      },
    })
    this.progressDebouncer = new Debouncer({
      waitMs: options.progressWaitMs ?? 100,
      maxWaitMs: options.progressMaxWaitMs ?? 300,
      run: (id) => this.openProgress.compute(id),
    })
    this.presenceDebouncer = new Debouncer({
      waitMs: options.presenceWaitMs ?? 100,
      maxWaitMs: options.presenceMaxWaitMs ?? 300,
      run: (id) => this.publishPresence(id),
    })
    this.presentRefresh = setInterval(() => this.refreshWritersPresent(), options.presentRefreshMs ?? 60_000)
    this.presentRefresh.unref()
    this.hooks = {
      onDocumentOpen: (name) => this.documentOpened(name),
      onDocumentLoad: (name, doc) => this.documentLoaded(name, doc),
      onDocumentChange: (name) => {
        if (!this.docs.has(name)) return
        this.editedAt.set(name, this.now().getTime())
        this.progressDebouncer.schedule(name)
      },
      onAwarenessChange: (name, awareness) => {
        this.awareness.set(name, awareness)
        this.presenceDebouncer.schedule(name)
      },
      onConnectionsChange: (name, connections) => this.connectionsChanged(name, connections),
      onDocumentUnload: (name) => this.documentUnloaded(name),
      onDocumentClose: (name) => this.documentClosed(name),
    }
  }

  get progressCost(): ProgressCost {
    return {
      progressCpuMs: Number(this.progressNanoseconds) / 1e6,
      progressComputations: this.progressComputations,
    }
  }

  /**
   * The event's snapshot, and `subscriber` receiving every later change of its roundtables: the snapshot is
   * built and the subscription made in one step, so no change falls between them. Undefined for an unknown event.
   */
  async subscribe(eventId: string, subscriber: FeedSubscriber): Promise<{ snapshot: FeedSnapshot; unsubscribe: () => void } | undefined> {
    if (this.options.catalog.getEvent(eventId) === undefined) return undefined
    await Promise.all(this.options.catalog.listRoundtables(eventId).map((roundtable) => this.ensureStatus(roundtable)))
    // Synchronous from here: the snapshot and the subscription see the same statuses.
    const event = this.options.catalog.getEvent(eventId)
    if (event === undefined) return undefined
    const roundtables: RoundtableStatus[] = []
    for (const roundtable of this.options.catalog.listRoundtables(eventId)) {
      const status = this.statuses.get(roundtable.id)
      if (status !== undefined) roundtables.push(status)
    }
    const snapshot: FeedSnapshot = {
      serverTime: this.now().toISOString(),
      event: { id: event.id, title: event.title, closingAt: event.closingAt },
      roundtables,
    }
    return { snapshot, unsubscribe: this.options.hub.subscribe(eventId, subscriber) }
  }

  /** The open document of a roundtable (the room's own: read it, never write), or undefined when it is not open. */
  openDocument(roundtableId: string): Y.Doc | undefined {
    return this.docs.get(roundtableId)
  }

  /** A new roundtable: computed from the store and published to its event's feed. */
  roundtableCreated(roundtable: RoundtableRecord): void {
    this.roundtables.set(roundtable.id, roundtable)
    this.ensureStatus(roundtable).then(
      (status) => {
        if (status !== undefined) this.options.hub.publish(roundtable.eventId, status)
      },
      (error: unknown) => this.options.logger.error('Could not compute a new roundtable status', { roundtableId: roundtable.id, error }),
    )
  }

  /** Computes what is pending now (statuses persisted) and stops the timers. */
  close(): void {
    for (const id of [...this.rechecks.keys()]) {
      this.cancelRecheck(id)
      if (this.docs.has(id)) this.progressDebouncer.schedule(id)
    }
    this.progressDebouncer.runAll()
    this.openProgress.finishAll()
    this.presenceDebouncer.dispose()
    this.progressDebouncer.dispose()
    clearInterval(this.presentRefresh)
  }

  /** A room opened: its presence is published from now on, over the stored status if nothing newer is known. */
  private documentOpened(id: string): void {
    const roundtable = this.roundtable(id)
    if (roundtable === undefined) return
    this.opened.add(id)
    if (!this.statuses.has(id)) {
      const stored = this.options.statusStore.get(id)
      if (stored !== undefined) this.statuses.set(id, withRoundtable(stored, roundtable))
    }
    if (this.writersPresent.has(id)) this.updateLastPresentAt(id)
  }

  private documentLoaded(id: string, doc: Y.Doc): void {
    const roundtable = this.roundtable(id)
    if (roundtable === undefined) return
    this.docs.set(id, doc)
    this.sectionProgress.get(id)?.dispose()
    this.sectionProgress.set(id, new SectionProgressCache(doc))
    if (!this.statuses.has(id)) {
      const stored = this.options.statusStore.get(id)
      if (stored !== undefined) this.statuses.set(id, withRoundtable(stored, roundtable))
      else {
        // Never seen: computed now, in slices; its status is made when that ends (`commitOpenReport`).
        this.openProgress.compute(id)
        this.awaitInitialStatus(id)
        return
      }
    }
    if (this.writersPresent.has(id)) this.updateLastPresentAt(id)
    // The stored status may predate the last writes (a crash inside the debounce): recompute once, a little
    // later — not while a storm of reconnections opens every report at once (an edit recomputes it sooner).
    this.scheduleRecheck(id)
  }

  private scheduleRecheck(id: string): void {
    if (this.rechecks.has(id)) return
    const timer = setTimeout(() => {
      this.rechecks.delete(id)
      if (this.docs.has(id)) this.progressDebouncer.schedule(id)
    }, this.options.recheckAfterLoadMs ?? 2000)
    timer.unref()
    this.rechecks.set(id, timer)
  }

  private cancelRecheck(id: string): void {
    clearTimeout(this.rechecks.get(id))
    this.rechecks.delete(id)
  }

  private documentUnloaded(id: string): void {
    this.cancelRecheck(id)
    // The document is destroyed right after: what is pending or running is computed from it now.
    this.progressDebouncer.runNow(id)
    this.progressDebouncer.cancel(id)
    this.openProgress.finish(id)
    this.docs.delete(id)
    this.sectionProgress.get(id)?.dispose()
    this.sectionProgress.delete(id)
    this.editedAt.delete(id)
  }

  /** A room is gone (after `documentUnloaded` if it was built): nobody is present any more. */
  private documentClosed(id: string): void {
    this.opened.delete(id)
    this.presenceDebouncer.cancel(id)
    this.awareness.delete(id)
    const status = this.statuses.get(id)
    if (status !== undefined && status.present.length > 0) this.commit({ ...status, present: [] }, { persist: false })
  }

  private connectionsChanged(id: string, connections: readonly Connection[]): void {
    const writerPresent = connections.some(isWriter)
    if (writerPresent === this.writersPresent.has(id)) return
    if (writerPresent) this.writersPresent.add(id)
    else this.writersPresent.delete(id)
    // Joined or left: either way a writer was here now.
    this.updateLastPresentAt(id)
  }

  private refreshWritersPresent(): void {
    for (const id of this.writersPresent) this.updateLastPresentAt(id)
  }

  private updateLastPresentAt(id: string): void {
    // A roundtable not loaded yet gets it once loaded (`documentLoaded`).
    const status = this.statuses.get(id)
    if (status !== undefined) this.commit({ ...status, lastPresentAt: this.now().toISOString() }, { persist: true })
  }

  /** What computing an open report's progress needs now, or undefined when it is not open or has no template. */
  private beginOpenReport(id: string): ProgressRun | undefined {
    const doc = this.docs.get(id)
    const roundtable = this.roundtable(id)
    if (doc === undefined || roundtable === undefined) return undefined
    const template = this.templates.templateOf(roundtable)
    if (template === undefined) return undefined
    // Edits arriving while it runs are left for the next run, which they have scheduled.
    const editedAt = this.editedAt.get(id)
    const sections = this.sectionProgress.get(id)?.begin()
    return {
      steps: reportStateSteps(doc, template, sections?.reuse),
      commit: (state) => {
        sections?.keep(state.progress.sections)
        this.progressComputations++
        this.commitOpenReport(roundtable, state, editedAt)
      },
    }
  }

  /** While the first status of an open report is computed, `ensureStatus` waits for it instead of reading the store. */
  private awaitInitialStatus(id: string): void {
    if (!this.openProgress.isRunning(id) || this.computing.has(id)) return
    const waiting = new Promise<RoundtableStatus | undefined>((resolve) => {
      this.openProgress.whenSettled(id, () => {
        if (this.computing.get(id) === waiting) this.computing.delete(id)
        resolve(this.statuses.get(id))
      })
    })
    this.computing.set(id, waiting)
  }

  private commitOpenReport(roundtable: RoundtableRecord, state: ReportState, editedAt: number | undefined): void {
    const id = roundtable.id
    const previous = this.statuses.get(id) ?? this.firstOpenStatus(roundtable, state)
    const lastEditAt = editedAt === undefined ? previous.lastEditAt : new Date(editedAt).toISOString()
    if (this.editedAt.get(id) === editedAt) this.editedAt.delete(id)
    this.commit({ ...previous, progress: state.progress, ready: state.ready, lastEditAt }, { persist: true })
    if (editedAt !== undefined) this.options.autoVersions?.reportEdited(id)
    if (previous.ready === null && state.ready !== null) this.options.autoVersions?.reportBecameReady(id, state.ready)
  }

  /** The first status of a report opened before it was ever seen: with who is present, and since when. */
  private firstOpenStatus(roundtable: RoundtableRecord, state: ReportState): RoundtableStatus {
    const awareness = this.awareness.get(roundtable.id)
    return {
      ...initialStatus(roundtable, state),
      present: awareness === undefined ? [] : readPresence(awareness),
      lastPresentAt: this.writersPresent.has(roundtable.id) ? this.now().toISOString() : null,
    }
  }

  private publishPresence(id: string): void {
    const awareness = this.awareness.get(id)
    const status = this.statuses.get(id)
    if (awareness === undefined || status === undefined || !this.opened.has(id)) return
    this.commit({ ...status, present: readPresence(awareness) }, { persist: false })
  }

  /** Keeps `next` as the roundtable's status; persists it if asked; publishes it if it differs. */
  private commit(next: RoundtableStatus, { persist }: { persist: boolean }): void {
    const previous = this.statuses.get(next.id)
    this.statuses.set(next.id, next)
    if (persist) {
      try {
        this.options.statusStore.put(next, this.now())
      } catch (error) {
        this.options.logger.error('Could not store a report status', { roundtableId: next.id, error })
      }
    }
    if (previous !== undefined && sameJson(previous, next)) return
    const roundtable = this.roundtable(next.id)
    if (roundtable !== undefined) this.options.hub.publish(roundtable.eventId, next)
  }

  /** The status of a roundtable: known, stored, or computed once from the document store. */
  private ensureStatus(roundtable: RoundtableRecord): Promise<RoundtableStatus | undefined> {
    const known = this.statuses.get(roundtable.id)
    if (known !== undefined) return Promise.resolve(known)
    const stored = this.options.statusStore.get(roundtable.id)
    if (stored !== undefined) {
      const status = withRoundtable(stored, roundtable)
      this.statuses.set(roundtable.id, status)
      return Promise.resolve(status)
    }
    let computing = this.computing.get(roundtable.id)
    if (computing === undefined) {
      computing = this.computeStored(roundtable).finally(() => this.computing.delete(roundtable.id))
      this.computing.set(roundtable.id, computing)
    }
    return computing
  }

  private async computeStored(roundtable: RoundtableRecord): Promise<RoundtableStatus | undefined> {
    const records = await this.options.documentStore.load(roundtable.id)
    // The document may have been opened (and its status computed) meanwhile: the live one wins.
    const live = this.statuses.get(roundtable.id)
    if (live !== undefined) return live
    const scratch = new Y.Doc()
    try {
      for (const record of records) Y.applyUpdate(scratch, record.update)
      const state = this.compute(scratch, roundtable)
      if (state === undefined) return undefined
      const status = initialStatus(roundtable, state)
      this.statuses.set(roundtable.id, status)
      this.options.statusStore.put(status, this.now())
      return status
    } finally {
      scratch.destroy()
    }
  }

  private compute(doc: Y.Doc, roundtable: RoundtableRecord): ReportState | undefined {
    const template = this.templates.templateOf(roundtable)
    if (template === undefined) return undefined
    const { state, nanoseconds } = computeReportState(doc, template)
    this.progressNanoseconds += nanoseconds
    this.progressComputations++
    return state
  }

  private roundtable(id: string): RoundtableRecord | undefined {
    let roundtable = this.roundtables.get(id)
    if (roundtable === undefined) {
      roundtable = this.options.catalog.getRoundtable(id)
      if (roundtable !== undefined) this.roundtables.set(id, roundtable)
    }
    return roundtable
  }
}
