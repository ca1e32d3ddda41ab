import type { Invite } from '../api/types'
import { InviteRow } from './InviteRow'

/** The invite links created so far, newest first. */
export function InviteList({ invites, onRevoked }: { readonly invites: readonly Invite[]; readonly onRevoked: () => void }) {
  if (invites.length === 0) return <p className="muted invites__empty">No invite links yet.</p>
  const newestFirst = [...invites].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return (
    <table className="invite-table" data-invite-list="">
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Label</th>
          <th scope="col">Expires</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((invite) => (
          <InviteRow key={invite.id} invite={invite} onRevoked={onRevoked} />
        ))}
      </tbody>
    </table>
  )
}
