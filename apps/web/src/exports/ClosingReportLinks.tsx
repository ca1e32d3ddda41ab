import { SectionAcrossLink } from '../closing/SectionAcrossLink'
import { ExportFormatLinks } from './ExportFormatLinks'

/**
 * The event's compiled closing report (every roundtable's report in one document), in each format, and the way
 * into the section-by-section view of the closing session.
 */
export function ClosingReportLinks({ eventId }: { readonly eventId: string }) {
  return (
    <section className="export-box export-box--closing" aria-labelledby="closing-report-title" data-closing-report="">
      <h2 id="closing-report-title" className="export-box__title">
        Compiled closing report
      </h2>
      <p className="muted">Every roundtable’s report in one document, with the reports not yet marked ready.</p>
      <ExportFormatLinks scope={{ kind: 'event', id: eventId }} />
      <p>
        <SectionAcrossLink eventId={eventId} />
      </p>
    </section>
  )
}
