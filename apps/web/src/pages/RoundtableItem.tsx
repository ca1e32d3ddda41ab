import { getTemplate } from '@rapporteur/template'
import { useState } from 'react'
import type { Roundtable } from '../api/types'
import { InvitesPanel } from '../invites/InvitesPanel'
import { Link } from '../router/Link'
import { paths } from '../router/paths'

/** A roundtable in the event's list: its report link and, for the organizer, its invite links. */
export function RoundtableItem({ roundtable, manageInvites }: { readonly roundtable: Roundtable; readonly manageInvites: boolean }) {
  // Invites load only once the panel is opened: an event may have dozens of roundtables.
  const [invitesOpen, setInvitesOpen] = useState(false)
  return (
    <li className="item-list__item" data-roundtable={roundtable.id}>
      <Link to={paths.report(roundtable.id)} className="item-list__title">
        {roundtable.title}
      </Link>
      <span className="muted">{getTemplate(roundtable.templateId)?.name ?? roundtable.templateId}</span>
      {manageInvites && (
        <details className="item-list__details" onToggle={(event) => setInvitesOpen(event.currentTarget.open)}>
          <summary data-invites-toggle="">Invites</summary>
          {invitesOpen && <InvitesPanel scope={{ kind: 'roundtable', id: roundtable.id }} roles={['rapporteur', 'viewer']} />}
        </details>
      )}
    </li>
  )
}
