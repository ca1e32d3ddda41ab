import { useState } from 'react'
import { rapporteurApi } from '../api/rapporteurApi'
import type { CreatedInvite, InviteRole, InviteScope } from '../api/types'
import { useApiResource } from '../api/useApiResource'
import { ErrorNotice } from '../ui/ErrorNotice'
import { CreateInviteForm } from './CreateInviteForm'
import { InviteList } from './InviteList'
import { NewInviteLink } from './NewInviteLink'

/** The organizer's invite links for one roundtable or one event: create (URL shown once), list, revoke. */
export function InvitesPanel({
  scope,
  roles,
}: {
  readonly scope: InviteScope
  readonly roles: readonly [InviteRole, ...InviteRole[]]
}) {
  const { resource, reload } = useApiResource(`invites:${scope.kind}:${scope.id}`, (signal) =>
    rapporteurApi.listInvites(scope, signal),
  )
  const [created, setCreated] = useState<CreatedInvite | null>(null)

  return (
    <div className="invites" data-invites={scope.id}>
      <CreateInviteForm
        scope={scope}
        roles={roles}
        onCreated={(invite) => {
          setCreated(invite)
          reload()
        }}
      />
      {created && <NewInviteLink invite={created} onDismiss={() => setCreated(null)} />}
      {resource.status === 'loading' && <p className="muted">Loading invite links…</p>}
      {resource.status === 'error' && (
        <ErrorNotice error={resource.error} title="The invite links could not be loaded.">
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {resource.status === 'ready' && <InviteList invites={resource.data} onRevoked={reload} />}
    </div>
  )
}
