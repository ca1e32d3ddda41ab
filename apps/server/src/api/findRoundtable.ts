import type { RoundtableRecord } from '../storage/CatalogRecords.js'
import type { SqliteCatalog } from '../storage/SqliteCatalog.js'
import { ApiError } from './ApiError.js'

/** The roundtable with this id, or a 404. */
export function findRoundtable(catalog: SqliteCatalog, roundtableId: string): RoundtableRecord {
  const roundtable = catalog.getRoundtable(roundtableId)
  if (roundtable === undefined) throw ApiError.notFound(`No roundtable with id "${roundtableId}"`)
  return roundtable
}
