import type { ReportProgress, SectionState, TemplateDefinition } from '@rapporteur/template'
import { useMemo } from 'react'
import { sectionShortTitles } from './sectionShortTitles'

export const STATE_LABELS: Readonly<Record<SectionState, string>> = {
  empty: 'Empty',
  started: 'Started',
  substantial: 'Substantial',
}

/**
 * One cell per template section, coloured by its state (empty, started, substantial), with its
 * words and bullets. Quotes have their own line on the card, so the quotes section is left out.
 */
export function SectionStrip({ template, progress }: { readonly template: TemplateDefinition; readonly progress: ReportProgress }) {
  const byId = new Map(progress.sections.map((section) => [section.sectionId, section]))
  const titles = useMemo(() => sectionShortTitles(template), [template])
  return (
    <ol className="section-strip" aria-label="Sections">
      {template.sections
        .filter((section) => section.kind !== 'quotes')
        .map((section, index) => {
          const status = byId.get(section.id)
          const state = status?.state ?? 'empty'
          const words = status?.words ?? 0
          const bullets = status?.bullets ?? 0
          return (
            <li
              key={section.id}
              className="section-strip__cell"
              data-section-cell={section.id}
              data-state={state}
              data-words={words}
              title={`${index + 1}. ${section.title}: ${STATE_LABELS[state]}, ${words} words, ${bullets} bullets`}
            >
              <span className="section-strip__title">{titles.get(section.id)}</span>
              <span className="visually-hidden">{STATE_LABELS[state]}</span>
              <span className="section-strip__counts">
                {words} w{bullets > 0 && ` · ${bullets} •`}
              </span>
            </li>
          )
        })}
    </ol>
  )
}
