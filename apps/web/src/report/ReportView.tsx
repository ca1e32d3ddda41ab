import type { TemplateDefinition } from '@rapporteur/template'
import { useEffect, useMemo } from 'react'
import type { LocalUser } from '../presence/LocalUser'
import { PresenceList } from '../presence/PresenceList'
import { SavedStateIndicator } from '../saved/SavedStateIndicator'
import { useUnsavedChangesGuard } from '../saved/useUnsavedChangesGuard'
import type { Role } from '../session/Session'
import { VersionsPanel } from '../versions/VersionsPanel'
import { ReportExportBox } from '../exports/ReportExportBox'
import { ConnectionClosedNotice } from './ConnectionClosedNotice'
import { ConnectionIndicator } from './ConnectionIndicator'
import { GuidanceText } from './GuidanceText'
import { MetaFields } from './MetaFields'
import { ReadyToggle } from './ReadyToggle'
import { ReportSection } from './ReportSection'
import { sectionHeadings } from './sectionHeadings'
import { useConnectionClosure } from './useConnectionClosure'
import type { ReportConnection } from './useReportConnection'
import { useReportConnection } from './useReportConnection'

interface ReportViewProps {
  readonly roundtableId: string
  readonly template: TemplateDefinition
  readonly user: LocalUser
  readonly role: Role
  /** Chair and viewer read only; the server drops their writes in any case. */
  readonly canEdit: boolean
  readonly token: string | null
}

/** The live report: template intro, header fields and sections, beside presence and connection state. */
export function ReportView({ roundtableId, token, ...rest }: ReportViewProps) {
  const connection = useReportConnection(roundtableId, token, rest.canEdit, rest.template)
  useUnsavedChangesGuard(connection?.saved ?? null)
  if (connection === null) return <p className="muted">Opening the report…</p>
  return <ConnectedReport connection={connection} {...rest} />
}

function ConnectedReport({
  connection,
  template,
  user,
  role,
  canEdit,
}: Omit<ReportViewProps, 'roundtableId' | 'token'> & { readonly connection: ReportConnection }) {
  const headings = useMemo(() => sectionHeadings(template), [template])
  const closure = useConnectionClosure(connection)
  // After a final close nothing typed here could reach the server: stop accepting edits.
  const readOnly = !canEdit || closure !== null

  useEffect(() => {
    const { awareness } = connection.provider
    awareness.setLocalStateField('user', { name: user.name, color: user.color })
    awareness.setLocalStateField('role', role)
    if (!('section' in (awareness.getLocalState() ?? {}))) awareness.setLocalStateField('section', null)
  }, [connection, user, role])

  return (
    <div className="report-layout">
      <aside className="report-sidebar">
        <ConnectionIndicator connection={connection} />
        {canEdit && <SavedStateIndicator tracker={connection.saved} />}
        {!canEdit && (
          <p className="read-only-badge" data-read-only="">
            Read only: you can follow the report as it is written.
          </p>
        )}
        <ReadyToggle doc={connection.doc} canMark={!readOnly} userName={user.name} />
        <PresenceList awareness={connection.provider.awareness} sectionTitles={headings} localName={user.name} />
        <VersionsPanel roundtableId={connection.roundtableId} template={template} canWrite={!readOnly} userName={user.name} />
        <ReportExportBox roundtableId={connection.roundtableId} />
      </aside>
      <article className="report" aria-label="Report" data-report-mode={readOnly ? 'read-only' : 'edit'}>
        {closure !== null && <ConnectionClosedNotice closure={closure} />}
        <GuidanceText text={template.intro} className="report__intro guidance" />
        <MetaFields doc={connection.doc} undo={connection.fieldUndo} fields={template.meta} readOnly={readOnly} />
        {template.sections.map((section) => (
          <ReportSection
            key={section.id}
            connection={connection}
            user={user}
            section={section}
            heading={headings.get(section.id) ?? section.title}
            readOnly={readOnly}
          />
        ))}
      </article>
    </div>
  )
}
