import type { ReportReadiness, TemplateDefinition } from '../types.js'
import { escapeHtml } from './escapeHtml.js'
import { escapeMarkdown } from './escapeMarkdown.js'
import { formatUtcTime } from './formatUtcTime.js'
import { htmlPage } from './htmlPage.js'
import { readReportSource, type ReportSource } from './ReportSource.js'
import { reportArticleHtml } from './reportArticleHtml.js'
import { readinessNote, type ChangedSinceReady } from './readinessNote.js'
import { reportToMarkdown } from './reportToMarkdown.js'

/** One roundtable's report in the compiled report. */
export interface CompiledReportEntry {
  /** The roundtable's title, heading its report. */
  readonly title: string
  readonly template: TemplateDefinition
  readonly report: ReportSource
  /** When and by whom it was marked ready for the closing session; null when it is not. */
  readonly ready: ReportReadiness | null
  /**
   * Set when the report was marked ready and edited after that (the caller compares it with its ready version):
   * listed as "changed since ready". Default null: unchanged, or not ready.
   */
  readonly changedSinceReady?: ChangedSinceReady | null
}

/** The entry's "changed since ready", only for a report that is marked ready. */
export function changedSinceReadyOf(entry: CompiledReportEntry): ChangedSinceReady | null {
  return entry.ready === null ? null : (entry.changedSinceReady ?? null)
}

/** The entry's flag in the table of contents: not ready, changed since ready, or none. */
export function readinessFlag(entry: CompiledReportEntry): 'not ready' | 'changed since ready' | null {
  if (entry.ready === null) return 'not ready'
  return changedSinceReadyOf(entry) === null ? null : 'changed since ready'
}

/** Heading of the front-matter list of reports edited after they were marked ready. */
export const CHANGED_SINCE_READY_HEADING = 'Reports changed since marked ready'

export interface EventReportInput {
  readonly event: { readonly title: string; readonly closingAt: string }
  /** In the order they appear. */
  readonly reports: readonly CompiledReportEntry[]
}

/** The compiled closing report of an event, in each text format. */
export interface CompiledEventReport {
  readonly title: string
  readonly markdown: string
  readonly html: string
}

/** Anchor of the i-th (from 0) report in the compiled HTML. */
function anchor(index: number): string {
  return `report-${index + 1}`
}

function compiledMarkdown(input: EventReportInput, title: string): string {
  const { reports } = input
  const notReady = reports.filter((entry) => entry.ready === null)
  const contents =
    reports.length === 0
      ? '_No roundtables._'
      : reports
          .map((entry, index) => {
            const flag = readinessFlag(entry)
            return `${index + 1}. ${escapeMarkdown(entry.title)}${flag === null ? '' : ` _(${flag})_`}`
          })
          .join('\n')
  const changed = reports.filter((entry) => changedSinceReadyOf(entry) !== null)
  const readiness =
    reports.length === 0
      ? ''
      : notReady.length === 0
        ? 'Every report is marked ready.'
        : notReady.map((entry) => `- ${escapeMarkdown(entry.title)}`).join('\n')
  const bodies = reports.map((entry, index) =>
    reportToMarkdown(readReportSource(entry.report, entry.template), entry.template, {
      headingLevel: 2,
      title: `${index + 1}. ${entry.title}`,
      note: readinessNote(entry.ready, changedSinceReadyOf(entry)),
    }).trimEnd(),
  )
  return (
    [
      `# ${escapeMarkdown(title)}`,
      `**Closing session:** ${formatUtcTime(input.event.closingAt)}  \n**Roundtables:** ${reports.length}`,
      `## Contents\n\n${contents}`,
      readiness === '' ? '' : `## Reports not marked ready\n\n${readiness}`,
      changed.length === 0
        ? ''
        : `## ${CHANGED_SINCE_READY_HEADING}\n\n${changed.map((entry) => `- ${escapeMarkdown(entry.title)}`).join('\n')}`,
      ...bodies.map((body) => `---\n\n${body}`),
    ]
      .filter(Boolean)
      .join('\n\n') + '\n'
  )
}

function compiledHtml(input: EventReportInput, title: string): string {
  const { reports } = input
  const notReady = reports.filter((entry) => entry.ready === null)
  const contents =
    reports.length === 0
      ? '<p class="nothing"><em>No roundtables.</em></p>'
      : `<ol>${reports
          .map((entry, index) => {
            const state = readinessFlag(entry)
            const flag = state === null ? '' : ` <span class="${state === 'not ready' ? 'not-ready' : 'changed-since-ready'}">(${state})</span>`
            return `<li><a href="#${anchor(index)}">${escapeHtml(entry.title)}</a>${flag}</li>`
          })
          .join('')}</ol>`
  const readiness =
    reports.length === 0
      ? ''
      : notReady.length === 0
        ? '<p>Every report is marked ready.</p>'
        : `<ul class="not-ready">${notReady.map((entry) => `<li>${escapeHtml(entry.title)}</li>`).join('')}</ul>`
  const changed = reports.filter((entry) => changedSinceReadyOf(entry) !== null)
  const articles = reports.map((entry, index) =>
    reportArticleHtml(readReportSource(entry.report, entry.template), entry.template, {
      headingLevel: 2,
      id: anchor(index),
      title: `${index + 1}. ${entry.title}`,
      note: readinessNote(entry.ready, changedSinceReadyOf(entry)),
    }),
  )
  const body = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<dl class="report-meta"><dt>Closing session</dt><dd>${escapeHtml(formatUtcTime(input.event.closingAt))}</dd><dt>Roundtables</dt><dd>${reports.length}</dd></dl>`,
    '</header>',
    `<nav class="toc"><h2>Contents</h2>${contents}</nav>`,
    readiness === '' ? '' : `<section class="readiness"><h2>Reports not marked ready</h2>${readiness}</section>`,
    changed.length === 0
      ? ''
      : `<section class="readiness"><h2>${CHANGED_SINCE_READY_HEADING}</h2><ul class="changed-since-ready">${changed.map((entry) => `<li>${escapeHtml(entry.title)}</li>`).join('')}</ul></section>`,
    ...articles,
  ]
  return htmlPage(title, body.filter(Boolean).join('\n'))
}

/**
 * The compiled closing report of an event, as Markdown and as a print-ready HTML page: the event's title and
 * closing time, a table of contents, every roundtable's report in order (each through the same renderer as a
 * single report, so quotes are attributed by `attributeQuote` only), and which reports are not marked ready.
 */
export function compileEventReport(input: EventReportInput): CompiledEventReport {
  const title = `${input.event.title.trim() || 'Event'} — closing report`
  return { title, markdown: compiledMarkdown(input, title), html: compiledHtml(input, title) }
}
