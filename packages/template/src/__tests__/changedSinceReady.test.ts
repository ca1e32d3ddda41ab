import { describe, expect, it } from 'vitest'
import { compileEventReport, readinessNote, roundtableReportTemplate, southSouthMobilityReport, type CompiledReportEntry } from '../index.js'

const ready = { at: '2099-06-30T15:00:00.000Z', by: 'Amina' }
const edited: CompiledReportEntry = {
  title: 'South-South mobility',
  template: roundtableReportTemplate,
  report: southSouthMobilityReport,
  ready,
  changedSinceReady: { lastEditAt: '2099-06-30T15:20:00.000Z' },
}
const unchanged: CompiledReportEntry = { title: 'Labour migration', template: roundtableReportTemplate, report: southSouthMobilityReport, ready }
const event = { title: 'Global Forum', closingAt: '2099-06-30T17:00:00Z' }

describe('changed since ready, in the compiled report', () => {
  it('says in the note under a report that it changed after it was marked ready, with its last edit', () => {
    expect(readinessNote(ready, { lastEditAt: '2099-06-30T15:20:00.000Z' })).toBe(
      'Marked ready 2099-06-30 15:00 UTC by Amina. Changed since it was marked ready (last edit 2099-06-30 15:20 UTC).',
    )
    expect(readinessNote(ready, { lastEditAt: null })).toBe('Marked ready 2099-06-30 15:00 UTC by Amina. Changed since it was marked ready.')
    expect(readinessNote(ready)).toBe('Marked ready 2099-06-30 15:00 UTC by Amina.')
  })

  it('flags the changed report in the Markdown contents, lists it in the front matter and notes it under its title', () => {
    const { markdown } = compileEventReport({ event, reports: [edited, unchanged] })
    expect(markdown).toContain('## Contents\n\n1. South-South mobility _(changed since ready)_\n2. Labour migration\n')
    expect(markdown).toContain('## Reports changed since marked ready\n\n- South-South mobility\n')
    expect(markdown).not.toMatch(/- Labour migration/)
    expect(markdown).toContain('_Marked ready 2099-06-30 15:00 UTC by Amina. Changed since it was marked ready (last edit 2099-06-30 15:20 UTC)._')
  })

  it('does the same in the HTML page', () => {
    const { html } = compileEventReport({ event, reports: [edited, unchanged] })
    expect(html).toContain('<li><a href="#report-1">South-South mobility</a> <span class="changed-since-ready">(changed since ready)</span></li>')
    expect(html).toContain('<h2>Reports changed since marked ready</h2><ul class="changed-since-ready"><li>South-South mobility</li></ul>')
    expect(html).toContain('Changed since it was marked ready (last edit 2099-06-30 15:20 UTC).')
  })

  it('ignores "changed" for a report that is not marked ready, and lists nothing when none changed', () => {
    const notReady = { ...edited, ready: null }
    const { markdown } = compileEventReport({ event, reports: [notReady, unchanged] })
    expect(markdown).toContain('1. South-South mobility _(not ready)_')
    expect(markdown).not.toContain('changed since')
    expect(markdown).not.toContain('Reports changed since marked ready')
  })
})
