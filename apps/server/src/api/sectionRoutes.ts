import type { Request, RequestHandler, Response, Router } from 'express'
import { compileSection, defaultTemplateId, getTemplate, type CompiledReportEntry, type SectionDefinition, type TemplateDefinition } from '@rapporteur/template'
import { canReadEvent } from '../auth/canReadEvent.js'
import { sendExport } from '../exports/sendExport.js'
import type { ApiContext } from './ApiContext.js'
import { ApiError } from './ApiError.js'
import { requestPrincipal } from './authenticate.js'
import { compiledReportEntries } from './compiledReportEntries.js'
import { findEvent } from './findEvent.js'

/** Formats of the section view: a Markdown file, a print-ready HTML page, or JSON for the web page. */
type SectionFormat = 'md' | 'html' | 'json'
const SECTION_FORMATS: readonly SectionFormat[] = ['md', 'html', 'json']

function readSectionFormat(value: unknown): SectionFormat {
  if (typeof value === 'string' && (SECTION_FORMATS as readonly string[]).includes(value)) return value as SectionFormat
  throw ApiError.invalidRequest(`format must be one of ${SECTION_FORMATS.join(', ')}, got ${JSON.stringify(value ?? null)}`)
}

/** The templates the event's reports use (the default one when it has none), first used first. */
function eventTemplates(reports: readonly CompiledReportEntry[]): TemplateDefinition[] {
  const templates = reports.map((entry) => entry.template)
  const fallback = getTemplate(defaultTemplateId)
  if (templates.length === 0 && fallback !== undefined) templates.push(fallback)
  return [...new Map(templates.map((template) => [template.id, template])).values()]
}

/** The section with this id in the event's templates, or a 404. */
function findSection(templates: readonly TemplateDefinition[], sectionId: string): SectionDefinition {
  for (const template of templates) {
    const section = template.sections.find((candidate) => candidate.id === sectionId)
    if (section !== undefined) return section
  }
  throw ApiError.notFound(`No section with id "${sectionId}" in this event's template`)
}

/**
 * `GET /events/:eventId/sections/:sectionId?format=md|html|json` — one section of every roundtable's report, in
 * roundtable order, for a closing session going section by section (organizer; the event's chair). Quotes are
 * attributed by `attributeQuote`. JSON holds the HTML `article`, each roundtable's readiness and the template's
 * sections (for a picker), for the web page.
 */
export function addSectionRoutes(router: Router, context: ApiContext, signIn: RequestHandler): void {
  router.get('/events/:eventId/sections/:sectionId', signIn, async (request: Request, response: Response) => {
    const eventId = String(request.params.eventId)
    const principal = requestPrincipal(response)
    if (!canReadEvent(principal, eventId)) throw ApiError.forbidden('This invite does not give access to this event')
    const event = findEvent(context.catalog, eventId)
    const format = readSectionFormat(request.query.format)
    const reports = await compiledReportEntries(context, event, principal)
    const templates = eventTemplates(reports)
    const section = findSection(templates, String(request.params.sectionId))
    const compiled = compileSection({ event, section, reports })
    if (format === 'json') {
      response.set('Cache-Control', 'no-store')
      response.json({
        event: { id: event.id, title: event.title },
        section: { id: section.id, title: section.title },
        // For a section picker: the sections of the event's first template, in order.
        sections: (templates[0]?.sections ?? []).map((each) => ({ id: each.id, title: each.title })),
        title: compiled.title,
        article: compiled.article,
        roundtables: reports.map((entry) => ({ title: entry.title, ready: entry.ready, changedSinceReady: entry.changedSinceReady ?? null })),
      })
      return
    }
    const name = `${event.title} ${section.title}`
    sendExport(response, format, name, format === 'md' ? compiled.markdown : compiled.html)
  })
}
