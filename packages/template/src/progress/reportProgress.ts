import type * as Y from 'yjs'
import type { ReportProgress, SectionDefinition, SectionProgress, TemplateDefinition } from '../types.js'
import { sectionFragment } from '../layout/documentLayout.js'
import { readQuotes } from '../layout/quotes.js'
import { quotesProgressSteps } from './quotesProgressSteps.js'
import { richTextProgressSteps } from './richTextProgressSteps.js'

/**
 * A rich-text section's progress known to be current (its fragment unchanged since it was read), or undefined
 * to read it again. Quote sections are always read (they follow the report's quotes, not a fragment of their own).
 */
export type ReuseSectionProgress = (section: SectionDefinition) => SectionProgress | undefined

/**
 * A report's progress, computed in small steps: yields (undefined) between top-level blocks of each section,
 * inside long blocks and lists, and between runs of quotes; returns what `reportProgress` returns. Drive it in
 * slices to keep a large report from holding the event loop. Edits made between steps may be seen in part: the
 * result is then a mix of before and after, to be computed again. `reuse` skips the rich-text sections whose
 * progress the caller still holds (it knows which fragments changed).
 */
export function* reportProgressSteps(
  doc: Y.Doc,
  template: TemplateDefinition,
  reuse?: ReuseSectionProgress,
): Generator<void, ReportProgress, void> {
  const quotes = readQuotes(doc)
  yield
  const sections: SectionProgress[] = []
  for (const section of template.sections) {
    sections.push(
      section.kind === 'quotes'
        ? yield* quotesProgressSteps(
            section,
            quotes.map((quote) => quote.text),
          )
        : (reuse?.(section) ??
            (yield* richTextProgressSteps(section, sectionFragment(doc, section.id), template.conciseBulletWords))),
    )
  }
  const count = (consent: string): number => quotes.filter((quote) => quote.consent === consent).length
  return {
    templateId: template.id,
    sections,
    quotes: { total: quotes.length, pending: count('pending'), approved: count('approved'), anonymous: count('anonymous') },
    words: sections.reduce((sum, section) => sum + section.words, 0),
    characters: sections.reduce((sum, section) => sum + section.characters, 0),
  }
}

/** A report's progress, section by section in template order, read from its document (in one go). */
export function reportProgress(doc: Y.Doc, template: TemplateDefinition): ReportProgress {
  const steps = reportProgressSteps(doc, template)
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}
