import type { TemplateDefinition } from '@rapporteur/template'

/** Section id → numbered heading in template order ("1. Summary/Main discussion points"). */
export function sectionHeadings(template: TemplateDefinition): ReadonlyMap<string, string> {
  return new Map(template.sections.map((section, index) => [section.id, `${index + 1}. ${section.title}`]))
}
