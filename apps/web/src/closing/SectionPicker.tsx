import { navigate } from '../router/navigate'
import { Link } from '../router/Link'
import { paths } from '../router/paths'
import { neighbourSections, type SectionChoice } from './neighbourSections'

/** The template's sections as a select, with the previous and next section as links. */
export function SectionPicker({
  eventId,
  sections,
  current,
}: {
  readonly eventId: string
  readonly sections: readonly SectionChoice[]
  readonly current: string
}) {
  const { previous, next } = neighbourSections(sections, current)
  return (
    <nav className="section-picker" aria-label="Sections" data-section-picker="">
      {previous === undefined ? (
        <span className="section-picker__step muted">← Previous</span>
      ) : (
        <Link to={paths.sectionAcross(eventId, previous.id)} className="section-picker__step" data-section-step="previous">
          ← {previous.number}. {previous.title}
        </Link>
      )}
      <label className="section-picker__select">
        <span className="visually-hidden">Section</span>
        <select value={current} onChange={(event) => navigate(paths.sectionAcross(eventId, event.target.value))}>
          {sections.map((section, position) => (
            <option key={section.id} value={section.id}>
              {position + 1}. {section.title}
            </option>
          ))}
        </select>
      </label>
      {next === undefined ? (
        <span className="section-picker__step muted">Next →</span>
      ) : (
        <Link to={paths.sectionAcross(eventId, next.id)} className="section-picker__step" data-section-step="next">
          {next.number}. {next.title} →
        </Link>
      )}
    </nav>
  )
}
