import type { RichNode, SectionDefinition, SectionProgress, SectionState } from '../types.js'
import { countWords } from './countWords.js'
import { plainText } from './plainText.js'

/** A section's state from its word count and the template's threshold. */
export function stateOf(words: number, substantialWords: number): SectionState {
  if (words === 0) return 'empty'
  return words >= substantialWords ? 'substantial' : 'started'
}

function textLength(nodes: readonly RichNode[]): number {
  return nodes.reduce((sum, node) => sum + (node.text?.length ?? 0) + textLength(node.content ?? []), 0)
}

function collectBullets(nodes: readonly RichNode[], into: RichNode[]): RichNode[] {
  for (const node of nodes) {
    if (node.type === 'listItem') into.push(node)
    collectBullets(node.content ?? [], into)
  }
  return into
}

/** Progress of one rich-text section from its content. */
export function richTextProgress(
  section: SectionDefinition,
  nodes: readonly RichNode[],
  conciseBulletWords: number,
): SectionProgress {
  const words = countWords(plainText(nodes))
  const bullets = collectBullets(nodes, [])
  const longBullets = bullets.filter(
    (bullet) => countWords(plainText(bullet.content ?? [], { skipLists: true })) > conciseBulletWords,
  ).length
  return {
    sectionId: section.id,
    state: stateOf(words, section.substantialWords),
    words,
    bullets: bullets.length,
    longBullets,
    characters: textLength(nodes),
  }
}

/** Progress of the quotes section: the words of the quotes' text. */
export function quotesProgress(section: SectionDefinition, quoteTexts: readonly string[]): SectionProgress {
  const words = quoteTexts.reduce((sum, text) => sum + countWords(text), 0)
  const characters = quoteTexts.reduce((sum, text) => sum + text.length, 0)
  return { sectionId: section.id, state: stateOf(words, section.substantialWords), words, bullets: 0, longBullets: 0, characters }
}
