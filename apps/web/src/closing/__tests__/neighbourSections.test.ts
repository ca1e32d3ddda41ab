import { describe, expect, it } from 'vitest'
import { neighbourSections } from '../neighbourSections'

const sections = [
  { id: 'summary', title: 'Summary' },
  { id: 'challenges', title: 'Challenges' },
  { id: 'quotes', title: 'Quotes' },
]

describe('neighbourSections', () => {
  it('gives the previous and next section with their numbers', () => {
    expect(neighbourSections(sections, 'challenges')).toEqual({
      previous: { id: 'summary', title: 'Summary', number: 1 },
      next: { id: 'quotes', title: 'Quotes', number: 3 },
    })
  })

  it('has no previous at the first section, no next at the last, neither for an unknown one', () => {
    expect(neighbourSections(sections, 'summary')).toEqual({ next: { id: 'challenges', title: 'Challenges', number: 2 } })
    expect(neighbourSections(sections, 'quotes')).toEqual({ previous: { id: 'challenges', title: 'Challenges', number: 2 } })
    expect(neighbourSections(sections, 'nope')).toEqual({})
  })
})
