import { describe, expect, it } from 'vitest'
import { defineTemplate, getTemplate, listTemplates, roundtableReportTemplate, TemplateValidationError } from '../index.js'

const minimal = {
  id: 'debrief',
  name: 'Debrief',
  intro: 'Write short notes.',
  conciseBulletWords: 20,
  alerts: { emptySectionsBeforeClosingMinutes: 30, rapporteurAbsentMinutes: 5 },
  meta: [{ id: 'title', label: 'Title', kind: 'text' }],
  sections: [{ id: 'notes', title: 'Notes', guidance: 'Anything worth keeping.', kind: 'rich-text', substantialWords: 10 }],
}

function problemOf(input: unknown): string {
  try {
    defineTemplate(input)
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateValidationError)
    return (error as Error).message
  }
  throw new Error('expected a TemplateValidationError')
}

describe('roundtableReportTemplate', () => {
  it('has the header fields and the six sections of the seed, in order, with their stored ids', () => {
    expect(roundtableReportTemplate.meta.map((field) => field.id)).toEqual(['title', 'session', 'rapporteurs'])
    expect(roundtableReportTemplate.sections.map((section) => section.id)).toEqual([
      'summary',
      'challenges',
      'opportunities',
      'gcm-relevance',
      'agenda-2030',
      'quotes',
    ])
    expect(roundtableReportTemplate.sections[0]?.title).toBe('Summary / main discussion points')
    expect(roundtableReportTemplate.sections[5]?.kind).toBe('quotes')
    expect(roundtableReportTemplate.sections[5]?.guidance).toMatch(/Chatham House/)
  })

  it('is found in the registry by id', () => {
    expect(getTemplate('roundtable-report')).toBe(roundtableReportTemplate)
    expect(getTemplate('missing')).toBeUndefined()
    expect(listTemplates()).toContain(roundtableReportTemplate)
  })
})

describe('defineTemplate', () => {
  it('accepts a second, different template', () => {
    expect(defineTemplate(minimal).sections.map((section) => section.id)).toEqual(['notes'])
  })

  it('names the bad field', () => {
    expect(problemOf({ ...minimal, name: '' })).toBe('template.name: must be a non-empty string')
    expect(problemOf({ ...minimal, sections: [{ ...minimal.sections[0], kind: 'table' }] })).toBe(
      'template.sections[0].kind: must be one of rich-text, quotes',
    )
    expect(problemOf({ ...minimal, sections: [minimal.sections[0], minimal.sections[0]] })).toBe(
      'template.sections[1].id: "notes" is used twice',
    )
    expect(problemOf({ ...minimal, conciseBulletWords: 0 })).toMatch(/^template.conciseBulletWords:/)
    expect(problemOf({ ...minimal, meta: [{ id: 'Title!', label: 'x', kind: 'text' }] })).toMatch(/^template.meta\[0\].id:/)
    expect(problemOf({ ...minimal, sections: [{ ...minimal.sections[0], id: 'meta' }] })).toMatch(/reserved/)
    expect(problemOf('not a template')).toBe('template: must be an object')
    expect(problemOf({ ...minimal, alerts: { emptySectionsBeforeClosingMinutes: 30 } })).toBe(
      'template.alerts.rapporteurAbsentMinutes: must be a whole number of at least 1',
    )
  })
})
