import type { Request, Response, Router } from 'express'
import { canRead } from '../auth/canRead.js'
import { canWrite } from '../auth/canWrite.js'
import { isOrganizer } from '../auth/isOrganizer.js'
import { withholdQuoteNames } from '../quotes/withholdQuoteNames.js'
import type { RoundtableRecord } from '../storage/CatalogRecords.js'
import { templateOf } from '../versions/ReportVersions.js'
import type { VersionRecord } from '../versions/VersionRecord.js'
import type { ApiContext } from './ApiContext.js'
import { ApiError } from './ApiError.js'
import { requestPrincipal } from './authenticate.js'
import { readAuthor } from './readAuthor.js'
import { readRequestBody } from './readRequestBody.js'
import { readVersionName } from './readVersionName.js'

type Access = 'read' | 'write'

/**
 * Versions of a roundtable's report. Readers (organizer; chair of its event; its rapporteurs and viewers):
 * `GET /roundtables/:id/versions`, `GET /roundtables/:id/versions/:versionId` (with `content`; for a chair or
 * viewer, a quote's speaker and affiliation are empty unless its consent is approved). Writers
 * (organizer; its rapporteurs): `POST /roundtables/:id/versions` `{ name, author? }` → 201,
 * `POST /roundtables/:id/versions/:versionId/restore` `{ author? }` → 200.
 */
export function addVersionRoutes(router: Router, context: ApiContext): void {
  const { versions } = context

  router.get('/roundtables/:roundtableId/versions', (request, response) => {
    const roundtable = roundtableFor(context, request, response, 'read')
    response.json({ versions: versions.list(roundtable.id) })
  })

  router.post('/roundtables/:roundtableId/versions', async (request, response) => {
    const roundtable = roundtableFor(context, request, response, 'write')
    const body = readRequestBody(request.body)
    const name = readVersionName(body)
    const createdBy = readAuthor(body, requestPrincipal(response))
    const version = await versions.take(roundtable.id, { name, kind: 'manual', createdBy })
    response.status(201).json(version)
  })

  router.get('/roundtables/:roundtableId/versions/:versionId', (request, response) => {
    const roundtable = roundtableFor(context, request, response, 'read')
    const version = versionFor(context, roundtable, request.params.versionId)
    const { state: _state, roundtableId: _roundtableId, ...summary } = version
    const content = versions.content(version, templateOf(roundtable))
    // Read-only readers get a quote's names only while its consent (in that version) is approved.
    const readable = canWrite(requestPrincipal(response), roundtable) ? content : withholdQuoteNames(content)
    response.json({ ...summary, content: readable })
  })

  router.post('/roundtables/:roundtableId/versions/:versionId/restore', async (request, response) => {
    const roundtable = roundtableFor(context, request, response, 'write')
    const version = versionFor(context, roundtable, request.params.versionId)
    const body = request.body === undefined ? {} : readRequestBody(request.body)
    const savedBefore = await versions.restore(roundtable, version, readAuthor(body, requestPrincipal(response)))
    response.json({ restored: version.id, savedBefore })
  })
}

/** The roundtable of the route, if the caller may read (or write) its report; 403 otherwise (404 for the organizer). */
function roundtableFor(context: ApiContext, request: Request, response: Response, access: Access): RoundtableRecord {
  const principal = requestPrincipal(response)
  const roundtableId = String(request.params.roundtableId)
  const roundtable = context.catalog.getRoundtable(roundtableId)
  if (roundtable === undefined && isOrganizer(principal)) throw ApiError.notFound(`No roundtable with id "${roundtableId}"`)
  if (roundtable === undefined || !canRead(principal, roundtable)) {
    throw ApiError.forbidden('This invite does not give access to this roundtable')
  }
  if (access === 'write' && !canWrite(principal, roundtable)) {
    throw ApiError.forbidden('This invite can read this report but not change it')
  }
  return roundtable
}

function versionFor(context: ApiContext, roundtable: RoundtableRecord, versionId: string | undefined): VersionRecord {
  const version = versionId === undefined ? undefined : context.versions.get(roundtable.id, versionId)
  if (version === undefined) throw ApiError.notFound(`No version with id "${versionId ?? ''}" of this roundtable`)
  return version
}
