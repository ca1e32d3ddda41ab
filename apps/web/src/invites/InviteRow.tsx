import { useState } from 'react'
import { rapporteurApi } from '../api/rapporteurApi'
import type { Invite } from '../api/types'
import { ROLE_LABELS } from '../session/Session'
import { ErrorNotice } from '../ui/ErrorNotice'
import { formatDateTime } from '../ui/formatDateTime'
import { useSubmit } from '../ui/useSubmit'
import { inviteStatus } from './inviteStatus'

const STATUS_TEXT = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const

/** One invite link: who it is for, until when, and a two-step Revoke (it signs its holder out at once). */
export function InviteRow({ invite, onRevoked }: { readonly invite: Invite; readonly onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false)
  const { pending, error, run } = useSubmit()
  const status = inviteStatus(invite, new Date())
  const revoke = () =>
    void run(async () => {
      await rapporteurApi.revokeInvite(invite.id)
      setConfirming(false)
      onRevoked()
    })

  return (
    <tr data-invite-row={invite.id} data-invite-status={status}>
      <td>{ROLE_LABELS[invite.role]}</td>
      <td>{invite.label || <span className="muted">—</span>}</td>
      <td>{formatDateTime(invite.expiresAt)}</td>
      <td>
        <span className={`invite-status invite-status--${status}`}>{STATUS_TEXT[status]}</span>
        {invite.revokedAt && <span className="muted"> {formatDateTime(invite.revokedAt)}</span>}
      </td>
      <td className="invite-row__actions">
        {status !== 'revoked' &&
          (confirming ? (
            <>
              <button type="button" className="button danger" data-revoke-confirm="" disabled={pending} onClick={revoke}>
                {pending ? 'Revoking…' : 'Yes, revoke'}
              </button>{' '}
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="button danger link" data-revoke="" onClick={() => setConfirming(true)}>
              Revoke
            </button>
          ))}
        {error && <ErrorNotice error={error} title="The link was not revoked." />}
      </td>
    </tr>
  )
}
