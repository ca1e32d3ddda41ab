import { CloseCode, type RefuseUpdate } from '@rapporteur/collab'
import { writesOldLayout, type TemplateDefinition } from '@rapporteur/template'

/**
 * The collab server's `refuseUpdate`: an update writing document layout v1 values (a page of the previous release
 * still open) is refused with 4426, and that page told to reload; applied, it would replace a co-edited field
 * (last writer wins, words lost). `templateOf` finds a report's template (undefined: nothing is refused).
 */
export function refuseOldLayoutWrites(templateOf: (documentName: string) => TemplateDefinition | undefined): RefuseUpdate {
  // A roundtable's template never changes.
  const templates = new Map<string, TemplateDefinition | undefined>()
  return (update, doc, documentName) => {
    if (!templates.has(documentName)) templates.set(documentName, templateOf(documentName))
    const template = templates.get(documentName)
    if (template === undefined || !writesOldLayout(update, doc, template)) return null
    return { code: CloseCode.ClientOutdated, reason: 'This page is out of date: reload it' }
  }
}
