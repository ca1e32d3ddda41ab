import type { SectionDefinition } from '@rapporteur/template'
import type { LocalUser } from '../presence/LocalUser'
import { GuidanceText } from './GuidanceText'
import { QuotesSection } from './QuotesSection'
import type { ReportConnection } from './useReportConnection'
import { SectionEditor } from './SectionEditor'
import { useSectionFocus } from './useSectionFocus'

/** One template section: its heading and guidance (read-only) above the shared body. */
export function ReportSection({
  connection,
  user,
  section,
  heading,
  readOnly,
}: {
  readonly connection: ReportConnection
  readonly user: LocalUser
  readonly section: SectionDefinition
  /** The numbered heading, e.g. "2. Challenges". */
  readonly heading: string
  readonly readOnly: boolean
}) {
  const focus = useSectionFocus(connection.provider.awareness, section.id)
  const headingId = `section-${section.id}-heading`
  return (
    <section
      className={`report-section report-section--${section.kind}`}
      data-section={section.id}
      aria-labelledby={headingId}
      onFocus={focus.onFocus}
      onBlur={focus.onBlur}
    >
      <h2 id={headingId} className="report-section__heading">
        {heading}
      </h2>
      {/* The quotes section shows its guidance itself, for readers and writers. */}
      {section.kind !== 'quotes' && <GuidanceText text={section.guidance} className="guidance" />}
      {section.kind === 'quotes' ? (
        <QuotesSection doc={connection.doc} undo={connection.fieldUndo} readOnly={readOnly} section={section} />
      ) : (
        <SectionEditor
          doc={connection.doc}
          provider={connection.provider}
          user={user}
          sectionId={section.id}
          label={heading}
          readOnly={readOnly}
        />
      )}
    </section>
  )
}
