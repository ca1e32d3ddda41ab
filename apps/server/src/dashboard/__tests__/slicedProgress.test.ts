import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SERVER_ORIGIN } from '@rapporteur/collab'
import { roundtableReportTemplate, sectionFragment, type RoundtableStatus } from '@rapporteur/template'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RecordingLogger } from '../../__tests__/testServer.js'
import { waitUntil } from '../../collab/__tests__/waitUntil.js'
import type { EventRecord, RoundtableRecord } from '../../storage/CatalogRecords.js'
import { openDatabase } from '../../storage/openDatabase.js'
import { reportStateSteps } from '../computeReportState.js'
import { FeedHub } from '../FeedHub.js'
import { ReportMonitor } from '../ReportMonitor.js'
import { SlicedComputation } from '../SlicedComputation.js'
import { SliceScheduler } from '../SliceScheduler.js'
import { SqliteReportStatus } from '../SqliteReportStatus.js'

const EVENT: EventRecord = { id: 'event-1', title: 'Event', closingAt: '2099-06-30T17:00:00.000Z', createdAt: '2099-01-01T00:00:00.000Z' }
const ROUNDTABLE: RoundtableRecord = {
  id: 'roundtable-1',
  eventId: EVENT.id,
  title: 'Roundtable',
  templateId: roundtableReportTemplate.id,
  createdAt: '2099-01-01T00:00:00.000Z',
}
const PARAGRAPH = 'Participants discussed labour mobility, visas, remittances and skills recognition. '.repeat(6).slice(0, 500)
const PARAGRAPH_WORDS = PARAGRAPH.split(/\s+/).filter((word) => word.length > 0).length

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** A report of `paragraphs` ~500-character paragraphs in its summary. */
function largeDoc(paragraphs: number): Y.Doc {
  const doc = new Y.Doc()
  sectionFragment(doc, 'summary').insert(0, Array.from({ length: paragraphs }, () => paragraph(PARAGRAPH)))
  return doc
}

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

/** A monitor over one event with one roundtable, its hub's messages recorded, statuses in a scratch database. */
function openMonitor(options: { progressSliceMs?: number } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rapporteur-sliced-'))
  const db = openDatabase(path.join(dir, 'status.db'))
  const statusStore = new SqliteReportStatus(db)
  const hub = new FeedHub()
  const logger = new RecordingLogger()
  let storeLoads = 0
  const monitor = new ReportMonitor({
    catalog: {
      getEvent: (id) => (id === EVENT.id ? EVENT : undefined),
      getRoundtable: (id) => (id === ROUNDTABLE.id ? ROUNDTABLE : undefined),
      listRoundtables: (eventId) => (eventId === EVENT.id ? [ROUNDTABLE] : []),
    },
    statusStore,
    documentStore: {
      load: async () => {
        storeLoads += 1
        return []
      },
    },
    hub,
    logger,
    progressWaitMs: 1,
    progressMaxWaitMs: 5,
    progressSliceMs: options.progressSliceMs ?? 0,
  })
  cleanups.push(() => {
    monitor.close()
    statusStore.flush()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const published: RoundtableStatus[] = []
  hub.subscribe(EVENT.id, { principal: {} as never, send: (status) => published.push(status), end: () => undefined })
  return { monitor, hub, logger, statusStore, published, storeLoads: () => storeLoads }
}

/** Counts event-loop turns (`setImmediate` callbacks) until stopped. */
function countTurns(): { readonly turns: () => number; stop: () => void } {
  let turns = 0
  let stopped = false
  const turn = (): void => {
    if (stopped) return
    turns += 1
    setImmediate(turn)
  }
  setImmediate(turn)
  return { turns: () => turns, stop: () => (stopped = true) }
}

describe('SlicedComputation', () => {
  function* counting(steps: number): Generator<void, number, void> {
    for (let step = 0; step < steps; step++) yield
    return steps
  }

  it('steps in slices, letting other callbacks run between them, and sums their times', async () => {
    const results: Array<{ result: number; nanoseconds: bigint }> = []
    const computation = new SlicedComputation(counting(50), {
      sliceMs: 0,
      done: (result, nanoseconds) => results.push({ result, nanoseconds }),
      failed: (error) => {
        throw error
      },
    })
    computation.start()
    expect(computation.running).toBe(true)
    const turns = countTurns()
    await waitUntil(() => results.length === 1, 'the computation ends')
    turns.stop()
    expect(results[0]?.result).toBe(50)
    expect(results[0]?.nanoseconds).toBeGreaterThan(0n)
    expect(computation.slices).toBe(51)
    expect(turns.turns()).toBeGreaterThanOrEqual(40)
    expect(computation.running).toBe(false)
  })

  it('finishes synchronously, or stops for good when cancelled', async () => {
    const finished: number[] = []
    const computation = new SlicedComputation(counting(1000), { sliceMs: 0, done: (result) => finished.push(result), failed: () => undefined })
    computation.start()
    // Nothing runs in the caller's turn; finishing runs it all at once.
    expect(computation.slices).toBe(0)
    computation.finishNow()
    expect(finished).toEqual([1000])
    expect(computation.slices).toBe(1)

    const cancelled = new SlicedComputation(counting(1000), { sliceMs: 0, done: (result) => finished.push(result), failed: () => undefined })
    cancelled.start()
    await new Promise((resolve) => setImmediate(resolve))
    cancelled.cancel()
    cancelled.finishNow()
    await new Promise((resolve) => setImmediate(resolve))
    expect(cancelled.running).toBe(false)
    expect(cancelled.slices).toBe(1)
    expect(finished).toEqual([1000])
  })

  it('reports a step that throws, once', async () => {
    function* failing(): Generator<void, number, void> {
      yield
      throw new Error('broken step')
    }
    const errors: unknown[] = []
    const computation = new SlicedComputation(failing(), { sliceMs: 0, done: () => undefined, failed: (error) => errors.push(error) })
    computation.start()
    await waitUntil(() => errors.length === 1, 'the failure is reported')
    expect((errors[0] as Error).message).toBe('broken step')
    expect(computation.running).toBe(false)
  })
})

describe('ReportMonitor computing an open report in slices', () => {
  it('publishes a large report’s first status through the feed after yielding to the event loop', async () => {
    const { monitor, published, statusStore, storeLoads } = openMonitor()
    const doc = largeDoc(300)
    monitor.hooks.onDocumentLoad?.(ROUNDTABLE.id, doc)
    // Started, not ended: nothing is published or stored yet, and other callbacks get to run meanwhile.
    expect(published).toHaveLength(0)
    expect(statusStore.get(ROUNDTABLE.id)).toBeUndefined()
    const turns = countTurns()
    // A feed opened meanwhile waits for the live computation rather than reading the store.
    const feed = await monitor.subscribe(EVENT.id, { principal: {} as never, send: () => undefined, end: () => undefined })
    turns.stop()
    expect(turns.turns()).toBeGreaterThanOrEqual(100)
    expect(storeLoads()).toBe(0)
    expect(published).toHaveLength(1)
    expect(published[0]?.progress.words).toBe(300 * PARAGRAPH_WORDS)
    expect(feed?.snapshot.roundtables).toEqual(published)
    expect(statusStore.get(ROUNDTABLE.id)?.progress.words).toBe(300 * PARAGRAPH_WORDS)
    expect(monitor.progressCost.progressComputations).toBe(1)
    expect(monitor.progressCost.progressCpuMs).toBeGreaterThan(0)
    feed?.unsubscribe()
  })

  it('with the default slices, still yields on a 1 MB report and gets every word', async () => {
    const { monitor, published } = openMonitor({ progressSliceMs: 2 })
    const doc = largeDoc(2000)
    monitor.hooks.onDocumentLoad?.(ROUNDTABLE.id, doc)
    const turns = countTurns()
    await waitUntil(() => published.length === 1, 'the status is published')
    turns.stop()
    expect(turns.turns()).toBeGreaterThan(0)
    expect(published[0]?.progress.characters).toBe(2000 * PARAGRAPH.length)
  })

  it('computes again after a run when an edit arrives during it, never two at a time', async () => {
    const { monitor, published } = openMonitor()
    const doc = largeDoc(1000)
    // Each computation reads the quotes first and the readiness (meta) last: count the ones between the two.
    let active = 0
    let mostActive = 0
    let started = 0
    const getArray = doc.getArray.bind(doc)
    const getMap = doc.getMap.bind(doc)
    doc.getArray = ((name?: string) => {
      active += 1
      started += 1
      mostActive = Math.max(mostActive, active)
      // The second computation (after the load's): an edit arrives as it starts, its debounce fires as it runs.
      if (started === 2) {
        sectionFragment(doc, 'challenges').insert(0, [paragraph('visas granted')])
        monitor.hooks.onDocumentChange?.(ROUNDTABLE.id, doc, SERVER_ORIGIN)
      }
      return getArray(name)
    }) as typeof doc.getArray
    doc.getMap = ((name?: string) => {
      active -= 1
      return getMap(name)
    }) as typeof doc.getMap
    monitor.hooks.onDocumentLoad?.(ROUNDTABLE.id, doc)
    await waitUntil(() => published.length === 1, 'the first status is published')
    sectionFragment(doc, 'challenges').insert(0, [paragraph('visas')])
    monitor.hooks.onDocumentChange?.(ROUNDTABLE.id, doc, SERVER_ORIGIN)
    await waitUntil(() => started === 3 && active === 0, 'the third computation ends')
    expect(mostActive).toBe(1)
    expect(monitor.progressCost.progressComputations).toBe(3)
    const last = published.at(-1)
    expect(last?.progress.sections[1]?.words).toBe(3)
    expect(last?.progress.words).toBe(1000 * PARAGRAPH_WORDS + 3)
    expect(last?.lastEditAt).not.toBeNull()
  })

  it('finishes a running computation synchronously when the document unloads', async () => {
    const { monitor, published, statusStore, logger } = openMonitor()
    const doc = largeDoc(300)
    monitor.hooks.onDocumentLoad?.(ROUNDTABLE.id, doc)
    expect(published).toHaveLength(0)
    monitor.hooks.onDocumentUnload?.(ROUNDTABLE.id, doc)
    doc.destroy()
    expect(published).toHaveLength(1)
    expect(statusStore.get(ROUNDTABLE.id)?.progress.words).toBe(300 * PARAGRAPH_WORDS)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(published).toHaveLength(1)
    expect(logger.entries.filter((entry) => entry.level === 'error')).toEqual([])
  })

  it('finishes what is pending or running when closed, and stores it', async () => {
    const { monitor, published, statusStore } = openMonitor()
    const doc = largeDoc(300)
    monitor.hooks.onDocumentLoad?.(ROUNDTABLE.id, doc)
    await waitUntil(() => published.length === 1, 'the first status is published')
    sectionFragment(doc, 'challenges').insert(0, [paragraph('closing words')])
    monitor.hooks.onDocumentChange?.(ROUNDTABLE.id, doc, SERVER_ORIGIN)
    monitor.close()
    expect(published.at(-1)?.progress.sections[1]?.words).toBe(2)
    expect(statusStore.get(ROUNDTABLE.id)?.progress.sections[1]?.words).toBe(2)
  })
})

describe('reportStateSteps', () => {
  it('reads a report’s progress and readiness, one small step at a time', () => {
    const doc = largeDoc(50)
    const steps = reportStateSteps(doc, roundtableReportTemplate)
    let yields = 0
    let step = steps.next()
    for (; step.done !== true; step = steps.next()) yields += 1
    expect(yields).toBeGreaterThanOrEqual(50)
    expect(step.value.progress.words).toBe(50 * PARAGRAPH_WORDS)
    expect(step.value.ready).toBeNull()
  })
})

describe('SliceScheduler', () => {
  function* counting(steps: number): Generator<void, number, void> {
    for (let step = 0; step < steps; step++) yield
    return steps
  }

  it('runs many computations started together a bounded amount per turn, each to its end', async () => {
    const scheduler = new SliceScheduler(0)
    const finished: number[] = []
    const computations = Array.from({ length: 20 }, (_, index) =>
      new SlicedComputation(counting(3), { scheduler, done: () => finished.push(index), failed: () => undefined }),
    )
    for (const computation of computations) computation.start()
    expect(finished).toEqual([])
    // A budget of 0: one step of one computation per turn, so the others wait their turn.
    await new Promise((resolve) => setImmediate(resolve))
    expect(computations.reduce((sum, computation) => sum + computation.slices, 0)).toBe(1)
    await waitUntil(() => finished.length === 20, 'every computation ends')
    expect(new Set(finished).size).toBe(20)
  })
})
