import type { Logger } from '@rapporteur/collab'
import { getTemplate, type TemplateDefinition } from '@rapporteur/template'
import type { RoundtableRecord } from '../storage/CatalogRecords.js'

/** Finds roundtables' templates; an unknown one is warned about once. */
export class TemplateLookup {
  private readonly logger: Logger
  private readonly unknownTemplates = new Set<string>()

  constructor(logger: Logger) {
    this.logger = logger
  }

  /** The roundtable's template; an unknown one is warned about once and gets no progress. */
  templateOf(roundtable: RoundtableRecord): TemplateDefinition | undefined {
    const template = getTemplate(roundtable.templateId)
    if (template === undefined) {
      if (!this.unknownTemplates.has(roundtable.templateId)) {
        this.unknownTemplates.add(roundtable.templateId)
        this.logger.warn('Roundtable uses an unknown template; no progress for it', {
          roundtableId: roundtable.id,
          templateId: roundtable.templateId,
        })
      }
      return undefined
    }
    return template
  }
}
