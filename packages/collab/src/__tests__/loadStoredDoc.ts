import * as Y from 'yjs'
import type { DocumentStore } from '../DocumentStore.js'

/** A fresh Y.Doc holding every stored record of the document, as a server loading it would see it. */
export async function loadStoredDoc(store: DocumentStore, documentName: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const record of await store.load(documentName)) Y.applyUpdate(doc, record.update)
  return doc
}
