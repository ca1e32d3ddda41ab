import { defaultTemplateId, getTemplate } from '@rapporteur/template'
import { Link } from '../router/Link'
import { paths } from '../router/paths'

/** "Section by section": the event's first template section across every roundtable, for the closing session. */
export function SectionAcrossLink({ eventId }: { readonly eventId: string }) {
  const first = getTemplate(defaultTemplateId)?.sections[0]
  if (first === undefined) return null
  return (
    <Link to={paths.sectionAcross(eventId, first.id)} className="button" data-section-across-link="">
      Go through the reports section by section
    </Link>
  )
}
