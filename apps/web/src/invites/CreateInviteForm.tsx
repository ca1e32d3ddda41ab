import { useId, useState, type FormEvent } from 'react'
import { rapporteurApi } from '../api/rapporteurApi'
import type { CreatedInvite, InviteRole, InviteScope } from '../api/types'
import { ROLE_LABELS } from '../session/Session'
import { ErrorNotice } from '../ui/ErrorNotice'
import { useSubmit } from '../ui/useSubmit'

/** Role (when there is a choice), an optional label and expiry → a new invite link. */
export function CreateInviteForm({
  scope,
  roles,
  onCreated,
}: {
  readonly scope: InviteScope
  readonly roles: readonly [InviteRole, ...InviteRole[]]
  readonly onCreated: (invite: CreatedInvite) => void
}) {
  const [role, setRole] = useState<InviteRole>(roles[0])
  const [label, setLabel] = useState('')
  const [expiresAt, setExpiresAt] = useState('')
  const { pending, error, run } = useSubmit()
  const id = useId()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const expires = expiresAt ? new Date(expiresAt) : null
    if (expires !== null && Number.isNaN(expires.getTime())) return
    void run(async () => {
      const created = await rapporteurApi.createInvite(scope, {
        role,
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(expires ? { expiresAt: expires.toISOString() } : {}),
      })
      setLabel('')
      setExpiresAt('')
      onCreated(created)
    })
  }

  return (
    <form className="invite-form" onSubmit={submit} data-create-invite={scope.id}>
      {roles.length > 1 && (
        <fieldset className="invite-form__roles">
          <legend>Invite a</legend>
          {roles.map((choice) => (
            <label key={choice} className="invite-form__role">
              <input type="radio" name={`${id}-role`} value={choice} checked={role === choice} onChange={() => setRole(choice)} />
              {ROLE_LABELS[choice]}
            </label>
          ))}
        </fieldset>
      )}
      <div className="invite-form__row">
        <label className="field">
          <span>Label (optional, e.g. who it is for)</span>
          <input name="label" value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />
        </label>
        <label className="field">
          <span>Expires (default: a week after closing)</span>
          <input name="expiresAt" type="datetime-local" value={expiresAt} onChange={(event) => setExpiresAt(event.target.value)} />
        </label>
      </div>
      {error && <ErrorNotice error={error} title="The invite link was not created." />}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Creating…' : `Create ${roles.length > 1 ? 'invite' : ROLE_LABELS[role].toLowerCase()} link`}
      </button>
    </form>
  )
}
