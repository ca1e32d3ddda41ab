import type { SectionDefinition, SectionProgress } from '../types.js'
import { countWords } from './countWords.js'
import { stateOf } from './sectionProgress.js'

/** Quote text read between two yields, at most (a longer quote is one step on its own). */
const UNIT_CHARACTERS = 2_000

/** The quotes section's progress (as `quotesProgress` gives it), yielding between runs of quotes. */
export function* quotesProgressSteps(
  section: SectionDefinition,
  quoteTexts: readonly string[],
): Generator<void, SectionProgress, void> {
  let words = 0
  let characters = 0
  let sinceYield = 0
  for (const text of quoteTexts) {
    if (sinceYield > 0 && sinceYield + text.length > UNIT_CHARACTERS) {
      sinceYield = 0
      yield
    }
    words += countWords(text)
    characters += text.length
    sinceYield += text.length + 1
  }
  return { sectionId: section.id, state: stateOf(words, section.substantialWords), words, bullets: 0, longBullets: 0, characters }
}
