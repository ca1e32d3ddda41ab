import { getTemplate, reportFlags, type RoundtableStatus } from '@rapporteur/template'
import { useMemo } from 'react'
import { sectionHeadings } from '../report/sectionHeadings'
import { Link } from '../router/Link'
import { paths } from '../router/paths'
import { formatRelativeTime } from '../ui/formatRelativeTime'
import { changedSinceReady } from './changedSinceReady'
import { FlagList } from './FlagList'
import { PresentPeople } from './PresentPeople'
import { QuotesLine } from './QuotesLine'
import { ReadyBadge } from './ReadyBadge'
import { SectionStrip } from './SectionStrip'
import { sectionShortTitles } from './sectionShortTitles'

interface RoundtableCardProps {
  readonly status: RoundtableStatus
  readonly closingAt: string
  /** Server time now (ms): flags and "last edit" are re-evaluated as it advances. */
  readonly now: number
}

/** One roundtable on the dashboard: its sections, quotes, who is in it, last edit, readiness and flags. */
export function RoundtableCard({ status, closingAt, now }: RoundtableCardProps) {
  const template = getTemplate(status.templateId)
  const headings = useMemo(() => (template ? sectionHeadings(template) : new Map<string, string>()), [template])
  const shortTitles = useMemo(() => (template ? sectionShortTitles(template) : new Map<string, string>()), [template])
  const flags = template ? reportFlags(status, template, { now: new Date(now), closingAt }) : []

  return (
    <li className="roundtable-card" data-roundtable-card={status.id} data-flags={flags.length}>
      <header className="roundtable-card__header">
        <Link to={paths.report(status.id, { fromDashboard: true })} className="roundtable-card__title" data-watch-report="">
          {status.title}
        </Link>
        <span className="roundtable-card__badges">
          {changedSinceReady(status) && (
            <span className="ready-badge ready-badge--changed" data-changed-since-ready="" title="Edited after it was marked ready">
              Changed since ready
            </span>
          )}
          <ReadyBadge ready={status.ready} />
        </span>
      </header>
      {template === undefined ? (
        <p className="muted">Unknown template {status.templateId}: reload after an update.</p>
      ) : (
        <SectionStrip template={template} progress={status.progress} />
      )}
      <QuotesLine quotes={status.progress.quotes} />
      <PresentPeople people={status.present} sectionTitles={headings} />
      <p className="roundtable-card__last-edit muted" data-last-edit={status.lastEditAt ?? ''}>
        {status.progress.words} words · last edit{' '}
        {status.lastEditAt === null ? 'not seen yet' : formatRelativeTime(status.lastEditAt, now)}
      </p>
      {template !== undefined && (
        <FlagList flags={flags} sectionTitles={shortTitles} conciseBulletWords={template.conciseBulletWords} />
      )}
    </li>
  )
}
