import type { DocumentStore } from '@rapporteur/collab'
import * as Y from 'yjs'

/**
 * A scratch copy of a report: the open document's state when it is open, else every stored record (as the
 * report monitor reads reports nobody has open — never by opening a room). The caller destroys it.
 */
export async function loadReportDoc(
  roundtableId: string,
  openDocument: (roundtableId: string) => Y.Doc | undefined,
  store: Pick<DocumentStore, 'load'>,
): Promise<Y.Doc> {
  const scratch = new Y.Doc()
  const live = openDocument(roundtableId)
  if (live !== undefined) {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live))
    return scratch
  }
  const records = await store.load(roundtableId)
  // Opened meanwhile: the open document may already hold more than the store.
  const opened = openDocument(roundtableId)
  if (opened !== undefined) Y.applyUpdate(scratch, Y.encodeStateAsUpdate(opened))
  else for (const record of records) Y.applyUpdate(scratch, record.update)
  return scratch
}
