import type { TemplateDefinition } from '@rapporteur/template'

const MAX_LENGTH = 32

/** Section id → a numbered title short enough for a flag line: "1. Summary", "4. Relevance to the Global…". */
export function sectionShortTitles(template: TemplateDefinition): ReadonlyMap<string, string> {
  return new Map(
    template.sections.map((section, index) => {
      const first = section.title.split(' / ')[0] ?? section.title
      const short = first.length > MAX_LENGTH ? `${first.slice(0, MAX_LENGTH - 1).trimEnd()}…` : first
      return [section.id, `${index + 1}. ${short}`]
    }),
  )
}
