import { useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { NamePrompt } from './NamePrompt'
import { usePeople } from './usePeople'

const isReader = (role: string | null): boolean => role === 'chair' || role === 'viewer'

/** "Who is here": each person's colour, name and the section they are working in. */
export function PresenceList({
  awareness,
  sectionTitles,
  localName,
}: {
  readonly awareness: Awareness
  /** Section id → heading as shown in the report, e.g. "2. Challenges". */
  readonly sectionTitles: ReadonlyMap<string, string>
  readonly localName: string
}) {
  const people = usePeople(awareness)
  const [changingName, setChangingName] = useState(false)
  return (
    <aside className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="presence__title">
        Who is here <span className="presence__count">{people.length}</span>
      </h2>
      <ul className="presence__list">
        {people.map((person) => (
          <li
            key={person.clientId}
            className="presence__person"
            data-presence-name={person.name}
            data-presence-role={person.role ?? undefined}
          >
            <span className="presence__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
            <span className="presence__name">
              {person.name}
              {person.isLocal && <span className="muted"> (you)</span>}
              {isReader(person.role) && <span className="presence__role">{person.role === 'chair' ? 'Chair' : 'Viewer'}</span>}
            </span>
            <span className="presence__where">
              {person.section === null ? 'Reading' : (sectionTitles.get(person.section) ?? 'Reading')}
            </span>
          </li>
        ))}
      </ul>
      {changingName ? (
        <NamePrompt initialName={localName} submitLabel="Save" onDone={() => setChangingName(false)} />
      ) : (
        <button type="button" className="button link" onClick={() => setChangingName(true)}>
          Change my name
        </button>
      )}
    </aside>
  )
}
