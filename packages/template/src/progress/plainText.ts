import type { RichNode } from '../types.js'

const LIST_TYPES = new Set(['bulletList', 'orderedList'])

/** A node's text, blocks separated by a space; `skipLists` leaves out nested lists (a bullet's own words). */
export function plainText(nodes: readonly RichNode[], options: { skipLists?: boolean } = {}): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.text ?? ''
      if (options.skipLists && LIST_TYPES.has(node.type)) return ''
      return ` ${plainText(node.content ?? [], options)} `
    })
    .join('')
}
