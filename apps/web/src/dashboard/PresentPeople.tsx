import type { PresentPerson } from '@rapporteur/template'

const READER_ROLES: Readonly<Record<string, string>> = { chair: 'Chair', viewer: 'Viewer' }

/** Who has the report open now, and the section each is in (section ids → numbered headings). */
export function PresentPeople({
  people,
  sectionTitles,
}: {
  readonly people: readonly PresentPerson[]
  readonly sectionTitles: ReadonlyMap<string, string>
}) {
  if (people.length === 0) return <p className="present present--nobody muted">Nobody has the report open.</p>
  return (
    <ul className="present" aria-label="People in the report">
      {people.map((person) => (
        <li key={person.clientId} className="present__person" data-present-name={person.name} data-present-role={person.role ?? undefined}>
          <span className="presence__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
          <span className="present__name">{person.name}</span>
          {person.role !== null && READER_ROLES[person.role] !== undefined && (
            <span className="presence__role">{READER_ROLES[person.role]}</span>
          )}
          <span className="present__where">
            {person.section === null ? 'Reading' : (sectionTitles.get(person.section) ?? 'Reading')}
          </span>
        </li>
      ))}
    </ul>
  )
}
