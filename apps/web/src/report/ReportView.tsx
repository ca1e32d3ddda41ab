import type { TemplateDefinition } from '@rapporteur/template'
import { useEffect, useMemo } from 'react'
import type { LocalUser } from '../presence/LocalUser'
import { PresenceList } from '../presence/PresenceList'
import { ConnectionIndicator } from './ConnectionIndicator'
import { GuidanceText } from './GuidanceText'
import { MetaFields } from './MetaFields'
import { ReportSection } from './ReportSection'
import { sectionHeadings } from './sectionHeadings'
import { useReportConnection } from './useReportConnection'
import { useUnsentChangesGuard } from './useUnsentChangesGuard'

/** The live report: template intro, header fields and sections, beside presence and connection state. */
export function ReportView({
  roundtableId,
  template,
  user,
}: {
  readonly roundtableId: string
  readonly template: TemplateDefinition
  readonly user: LocalUser
}) {
  const connection = useReportConnection(roundtableId)
  const headings = useMemo(() => sectionHeadings(template), [template])
  useUnsentChangesGuard(connection)

  useEffect(() => {
    if (connection === null) return
    const { awareness } = connection.provider
    awareness.setLocalStateField('user', { name: user.name, color: user.color })
    if (!('section' in (awareness.getLocalState() ?? {}))) awareness.setLocalStateField('section', null)
  }, [connection, user])

  if (connection === null) return <p className="muted">Opening the report…</p>

  return (
    <div className="report-layout">
      <aside className="report-sidebar">
        <ConnectionIndicator provider={connection.provider} />
        <PresenceList awareness={connection.provider.awareness} sectionTitles={headings} localName={user.name} />
      </aside>
      <article className="report" aria-label="Report">
        <GuidanceText text={template.intro} className="report__intro guidance" />
        <MetaFields doc={connection.doc} fields={template.meta} />
        {template.sections.map((section) => (
          <ReportSection
            key={section.id}
            connection={connection}
            user={user}
            section={section}
            heading={headings.get(section.id) ?? section.title}
          />
        ))}
      </article>
    </div>
  )
}
