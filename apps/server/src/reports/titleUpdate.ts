import * as Y from 'yjs'
import { reportMeta } from '@rapporteur/template'

/** A Yjs update that sets a report's `meta.title`, written by the server when a roundtable is created. */
export function titleUpdate(title: string): Uint8Array {
  const doc = new Y.Doc()
  reportMeta(doc).set('title', title)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
