import * as Y from 'yjs'
import type { RichMark, RichNode } from '../types.js'

type Delta = { insert?: unknown; attributes?: Record<string, unknown> }

function marksOf(attributes: Record<string, unknown> | undefined): RichMark[] {
  if (!attributes) return []
  return Object.entries(attributes).map(([type, attrs]) =>
    attrs && typeof attrs === 'object' && Object.keys(attrs).length > 0
      ? { type, attrs: attrs as Record<string, unknown> }
      : { type },
  )
}

function textNodes(text: Y.XmlText): RichNode[] {
  return (text.toDelta() as Delta[])
    .filter((op): op is Delta & { insert: string } => typeof op.insert === 'string' && op.insert.length > 0)
    .map((op) => {
      const marks = marksOf(op.attributes)
      return marks.length > 0 ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert }
    })
}

function elementNode(element: Y.XmlElement): RichNode {
  const attrs = element.getAttributes()
  const content = readRichNodes(element)
  return {
    type: element.nodeName,
    ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
    ...(content.length > 0 ? { content } : {}),
  }
}

/**
 * Reads a section's fragment as ProseMirror JSON, in the layout y-prosemirror writes:
 * a `Y.XmlElement` per node (attributes as node attrs), a `Y.XmlText` per run of text (formatting as marks).
 */
export function readRichNodes(parent: Y.XmlFragment | Y.XmlElement): RichNode[] {
  return parent.toArray().flatMap((child) => {
    if (child instanceof Y.XmlText) return textNodes(child)
    if (child instanceof Y.XmlElement) return [elementNode(child)]
    return []
  })
}
