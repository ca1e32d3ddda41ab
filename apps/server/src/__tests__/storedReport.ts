import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import * as Y from 'yjs'
import { DATABASE_FILE } from '../storage/openStorage.js'

/** The report as stored in `<dataDir>/rapporteur.db`, read through a separate read-only connection. */
export function storedReport(dataDir: string, roundtableId: string): Y.Doc {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    const rows = db
      .prepare<[string], { update: Buffer }>('SELECT "update" FROM document_updates WHERE document = ? ORDER BY id')
      .all(roundtableId)
    const doc = new Y.Doc()
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update))
    return doc
  } finally {
    db.close()
  }
}
