import { defaultTemplateId, getTemplate, listTemplates } from '@rapporteur/template'
import { ApiError } from './ApiError.js'

/** The optional `templateId` field: a known template id, default `roundtable-report`. */
export function readTemplateId(body: Record<string, unknown>): string {
  const value = body.templateId
  if (value === undefined) return defaultTemplateId
  if (typeof value !== 'string' || getTemplate(value) === undefined) {
    const known = listTemplates()
      .map((template) => JSON.stringify(template.id))
      .join(', ')
    throw ApiError.invalidRequest(`templateId must be one of ${known}, got ${JSON.stringify(value)}`)
  }
  return value
}
