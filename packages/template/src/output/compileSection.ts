import type { SectionDefinition } from '../types.js'
import { readinessFlag, type CompiledReportEntry } from './compileEventReport.js'
import { escapeHtml } from './escapeHtml.js'
import { escapeMarkdown } from './escapeMarkdown.js'
import { htmlPage } from './htmlPage.js'
import { readReportSource } from './ReportSource.js'
import { sectionBodyHtml } from './sectionBodyHtml.js'
import { sectionBodyMarkdown } from './sectionBodyMarkdown.js'

export interface SectionAcrossInput {
  readonly event: { readonly title: string }
  /** The section to gather, as the event's template defines it; matched in each report's template by its id. */
  readonly section: SectionDefinition
  /** The roundtables' reports, in roundtable order. */
  readonly reports: readonly CompiledReportEntry[]
}

/** One section of every roundtable's report, for a closing session going section by section. */
export interface CompiledSection {
  readonly title: string
  readonly markdown: string
  /** A print-ready HTML page. */
  readonly html: string
  /** The page's content alone (an `<article>`), for a page that shows it. */
  readonly article: string
}

const NOT_IN_TEMPLATE = "This roundtable's template has no such section."

/** The section in this report's template (by id), or undefined when its template has none. */
function sectionIn(entry: CompiledReportEntry, id: string): SectionDefinition | undefined {
  return entry.template.sections.find((section) => section.id === id)
}

/**
 * Gathers one section across all roundtables: under each roundtable's title (in order, flagged when not ready or
 * changed since ready), that report's content for the section through the same renderers as the exports, so
 * quotes are attributed by `attributeQuote` only.
 */
export function compileSection(input: SectionAcrossInput): CompiledSection {
  const { section, reports } = input
  const title = `${input.event.title.trim() || 'Event'} — ${section.title}`
  const markdownParts = reports.map((entry, index) => {
    const flag = readinessFlag(entry)
    const heading = `## ${index + 1}. ${escapeMarkdown(entry.title)}${flag === null ? '' : ` _(${flag})_`}`
    const own = sectionIn(entry, section.id)
    const body = own === undefined ? `_${NOT_IN_TEMPLATE}_` : sectionBodyMarkdown(own, readReportSource(entry.report, entry.template))
    return `${heading}\n\n${body}`
  })
  const markdown =
    [`# ${escapeMarkdown(title)}`, reports.length === 0 ? '_No roundtables._' : '', ...markdownParts].filter(Boolean).join('\n\n') + '\n'
  const htmlParts = reports.map((entry, index) => {
    const state = readinessFlag(entry)
    const flag = state === null ? '' : ` <span class="${state === 'not ready' ? 'not-ready' : 'changed-since-ready'}">(${state})</span>`
    const own = sectionIn(entry, section.id)
    const body =
      own === undefined
        ? `<p class="nothing"><em>${escapeHtml(NOT_IN_TEMPLATE)}</em></p>`
        : sectionBodyHtml(own, readReportSource(entry.report, entry.template), 2)
    return `<section class="roundtable-section" data-roundtable-index="${index + 1}"><h2>${index + 1}. ${escapeHtml(entry.title)}${flag}</h2>\n${body}</section>`
  })
  const article = [
    `<article class="section-across" data-section="${escapeHtml(section.id)}">`,
    `<h1>${escapeHtml(title)}</h1>`,
    reports.length === 0 ? '<p class="nothing"><em>No roundtables.</em></p>' : '',
    ...htmlParts,
    '</article>',
  ]
    .filter(Boolean)
    .join('\n')
  return { title, markdown, html: htmlPage(title, article), article }
}
