import type { Request, RequestHandler, Response, Router } from 'express'
import { compileEventReport, reportToHtml, reportToMarkdown } from '@rapporteur/template'
import { canRead } from '../auth/canRead.js'
import { canReadEvent } from '../auth/canReadEvent.js'
import { isOrganizer } from '../auth/isOrganizer.js'
import { compiledReportToDocx } from '../exports/compiledReportToDocx.js'
import { readExportFormat } from '../exports/ExportFormat.js'
import { reportToDocx } from '../exports/reportToDocx.js'
import { sendExport } from '../exports/sendExport.js'
import { templateOf } from '../versions/ReportVersions.js'
import type { ApiContext } from './ApiContext.js'
import { ApiError } from './ApiError.js'
import { compiledReportEntries } from './compiledReportEntries.js'
import { requestPrincipal } from './authenticate.js'
import { findEvent } from './findEvent.js'

/**
 * Exports, as Markdown, DOCX or a print-ready HTML page (`?format=md|docx|html`):
 * `GET /roundtables/:id/export` one report (organizer; chair of its event; its rapporteurs and viewers) and
 * `GET /events/:id/export` the event's compiled closing report (organizer; the event's chair), which lists the
 * reports not ready and those changed since they were marked ready. Every quote is
 * attributed by the template's `attributeQuote`. `signIn` authenticates them (the caller allows `?token=`).
 */
export function addExportRoutes(router: Router, context: ApiContext, signIn: RequestHandler): void {
  router.get('/roundtables/:roundtableId/export', signIn, async (request: Request, response: Response) => {
    const principal = requestPrincipal(response)
    const roundtableId = String(request.params.roundtableId)
    const roundtable = context.catalog.getRoundtable(roundtableId)
    if (roundtable === undefined && isOrganizer(principal)) throw ApiError.notFound(`No roundtable with id "${roundtableId}"`)
    if (roundtable === undefined || !canRead(principal, roundtable)) {
      throw ApiError.forbidden('This invite does not give access to this roundtable')
    }
    const format = readExportFormat(request.query.format)
    const template = templateOf(roundtable)
    const { content } = await context.versions.current(roundtable)
    const name = content.meta.title?.trim() || roundtable.title
    if (format === 'md') sendExport(response, format, name, reportToMarkdown(content, template))
    else if (format === 'html') sendExport(response, format, name, reportToHtml(content, template))
    else sendExport(response, format, name, await reportToDocx(content, template))
  })

  router.get('/events/:eventId/export', signIn, async (request: Request, response: Response) => {
    const eventId = String(request.params.eventId)
    const principal = requestPrincipal(response)
    if (!canReadEvent(principal, eventId)) throw ApiError.forbidden('This invite does not give access to this event')
    const event = findEvent(context.catalog, eventId)
    const format = readExportFormat(request.query.format)
    const input = { event, reports: await compiledReportEntries(context, event, principal) }
    const name = `${event.title} closing report`
    if (format === 'docx') {
      sendExport(response, format, name, await compiledReportToDocx(input))
      return
    }
    const compiled = compileEventReport(input)
    sendExport(response, format, name, format === 'md' ? compiled.markdown : compiled.html)
  })
}
