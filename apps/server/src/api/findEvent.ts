import type { EventRecord } from '../storage/CatalogRecords.js'
import type { SqliteCatalog } from '../storage/SqliteCatalog.js'
import { ApiError } from './ApiError.js'

/** The event with this id, or a 404. */
export function findEvent(catalog: SqliteCatalog, eventId: string): EventRecord {
  const event = catalog.getEvent(eventId)
  if (event === undefined) throw ApiError.notFound(`No event with id "${eventId}"`)
  return event
}
