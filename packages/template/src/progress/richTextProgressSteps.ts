import * as Y from 'yjs'
import type { SectionDefinition, SectionProgress } from '../types.js'
import { stateOf } from './sectionProgress.js'
import { WordCounter } from './WordCounter.js'

const LIST_TYPES = new Set(['bulletList', 'orderedList'])

/** Inside a block, a yield comes before the next child once this much has been read since the last one. */
const UNIT_CHARACTERS = 2_000

/** A word count text flows into; `skipLists` ones (a bullet's own words) do not see nested lists. */
interface Sink {
  readonly counter: WordCounter
  readonly skipLists: boolean
}

interface Tally {
  readonly conciseBulletWords: number
  characters: number
  bullets: number
  longBullets: number
  /** Characters and nodes read since the last yield. */
  sinceYield: number
}

type Steps = Generator<void, void, void>

/** A `Y.XmlText`'s string runs, as `readRichNodes` reads them (embeds and empty runs left out). */
function readText(text: Y.XmlText, sinks: readonly Sink[], tally: Tally): void {
  for (const op of text.toDelta() as Array<{ insert?: unknown }>) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue
    for (const sink of sinks) sink.counter.add(op.insert)
    tally.characters += op.insert.length
    tally.sinceYield += op.insert.length
  }
}

function* readChildren(parent: Y.XmlElement, sinks: readonly Sink[], tally: Tally): Steps {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) readText(child, sinks, tally)
    else if (child instanceof Y.XmlElement) yield* readElement(child, sinks, tally)
    if (tally.sinceYield >= UNIT_CHARACTERS) {
      tally.sinceYield = 0
      yield
    }
  }
}

/**
 * One element, as `plainText` and `collectBullets` see its node: its text set apart by spaces, a list hidden
 * from the bullets around it, a bullet counting its own words. An element named `text` reads as a text node
 * without text (no words for anyone around it), as `readRichNodes` turns it into one.
 */
function* readElement(element: Y.XmlElement, sinks: readonly Sink[], tally: Tally): Steps {
  tally.sinceYield += 1
  const name = element.nodeName
  if (name === 'text') {
    yield* readChildren(element, [], tally)
    return
  }
  const around = LIST_TYPES.has(name) ? sinks.filter((sink) => !sink.skipLists) : sinks
  for (const sink of around) sink.counter.boundary()
  if (name === 'listItem') {
    const own = new WordCounter()
    yield* readChildren(element, [...around, { counter: own, skipLists: true }], tally)
    tally.bullets += 1
    if (own.total > tally.conciseBulletWords) tally.longBullets += 1
  } else {
    yield* readChildren(element, around, tally)
  }
  for (const sink of around) sink.counter.boundary()
}

/**
 * A rich-text section's progress (as `richTextProgress` gives it), read straight from its fragment: yields after
 * each top-level block, and inside a long block between its children, so no step reads much.
 */
export function* richTextProgressSteps(
  section: SectionDefinition,
  fragment: Y.XmlFragment,
  conciseBulletWords: number,
): Generator<void, SectionProgress, void> {
  const words = new WordCounter()
  const sinks: Sink[] = [{ counter: words, skipLists: false }]
  const tally: Tally = { conciseBulletWords, characters: 0, bullets: 0, longBullets: 0, sinceYield: 0 }
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) readText(child, sinks, tally)
    else if (child instanceof Y.XmlElement) yield* readElement(child, sinks, tally)
    else continue
    tally.sinceYield = 0
    yield
  }
  return {
    sectionId: section.id,
    state: stateOf(words.total, section.substantialWords),
    words: words.total,
    bullets: tally.bullets,
    longBullets: tally.longBullets,
    characters: tally.characters,
  }
}
