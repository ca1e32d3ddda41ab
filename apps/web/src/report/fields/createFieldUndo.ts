import { reportMeta, reportQuotes } from '@rapporteur/template'
import * as Y from 'yjs'
import { FIELD_EDIT_ORIGIN } from './fieldEditOrigin'

/**
 * The undo of a report's header fields and quotes: this page's own edits only (`FIELD_EDIT_ORIGIN`), never a
 * co-author's nor the server's. Removing a quote is undone with its words. Section bodies have their own undo
 * (Tiptap's, over each section's fragment).
 */
export function createFieldUndo(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([reportMeta(doc), reportQuotes(doc)], { trackedOrigins: new Set([FIELD_EDIT_ORIGIN]) })
}
