import * as Y from 'yjs'
import type { RichMark, RichNode } from '../types.js'

function attributesOf(marks: readonly RichMark[] | undefined): Record<string, unknown> | undefined {
  if (!marks || marks.length === 0) return undefined
  return Object.fromEntries(marks.map((mark) => [mark.type, mark.attrs ?? {}]))
}

function elementOf(node: RichNode): Y.XmlElement {
  const element = new Y.XmlElement(node.type)
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value !== null && value !== undefined) element.setAttribute(key, value as string)
  }
  element.insert(0, typesOf(node.content ?? []))
  return element
}

/** Consecutive text nodes become one `Y.XmlText`, as y-prosemirror stores them. */
function typesOf(nodes: readonly RichNode[]): Array<Y.XmlElement | Y.XmlText> {
  const types: Array<Y.XmlElement | Y.XmlText> = []
  let run: RichNode[] = []
  const endRun = (): void => {
    if (run.length === 0) return
    const text = new Y.XmlText()
    text.applyDelta(run.map((node) => ({ insert: node.text ?? '', attributes: attributesOf(node.marks) })))
    types.push(text)
    run = []
  }
  for (const node of nodes) {
    if (node.type === 'text') {
      run.push(node)
    } else {
      endRun()
      types.push(elementOf(node))
    }
  }
  endRun()
  return types
}

/** Replaces a fragment's content with ProseMirror JSON nodes, in the layout the Tiptap editor reads. */
export function writeRichNodes(fragment: Y.XmlFragment, nodes: readonly RichNode[]): void {
  const write = (): void => {
    if (fragment.length > 0) fragment.delete(0, fragment.length)
    fragment.insert(0, typesOf(nodes))
  }
  if (fragment.doc) fragment.doc.transact(write)
  else write()
}
