import type { TemplateDefinition } from '../types.js'
import { roundtableReportTemplate } from './roundtableReport.js'

const templates: ReadonlyMap<string, TemplateDefinition> = new Map(
  [roundtableReportTemplate].map((template) => [template.id, template]),
)

/** The template a roundtable gets when none is named. */
export const defaultTemplateId = roundtableReportTemplate.id

export function getTemplate(id: string): TemplateDefinition | undefined {
  return templates.get(id)
}

export function listTemplates(): TemplateDefinition[] {
  return [...templates.values()]
}
