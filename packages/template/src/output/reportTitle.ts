import type { ReportContent, TemplateDefinition } from '../types.js'

/** The report's title: its `meta.title`, else the template's name. */
export function reportTitle(content: ReportContent, template: TemplateDefinition): string {
  return content.meta.title?.trim() || template.name
}
