import type { SectionState } from '@rapporteur/template'
import { STATE_LABELS } from './SectionStrip'

const STATES: readonly SectionState[] = ['empty', 'started', 'substantial']

/** What the section strip's colours mean (thresholds come from each template section). */
export function StripLegend() {
  return (
    <ul className="strip-legend" aria-label="Section colours">
      {STATES.map((state) => (
        <li key={state}>
          <span className="strip-legend__swatch" data-state={state} aria-hidden="true" />
          {STATE_LABELS[state]}
        </li>
      ))}
      <li>w = words · • = bullets</li>
    </ul>
  )
}
