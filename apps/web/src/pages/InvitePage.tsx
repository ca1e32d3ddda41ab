import { useEffect, useState } from 'react'
import { rapporteurApi } from '../api/rapporteurApi'
import { useApiResource } from '../api/useApiResource'
import { NamePrompt } from '../presence/NamePrompt'
import { useLocalUser } from '../presence/useLocalUser'
import { navigate } from '../router/navigate'
import { readAuthToken, saveAuthToken } from '../session/authTokenStore'
import { inviteTokenFromFragment } from '../session/inviteTokenFromFragment'
import { ROLE_LABELS } from '../session/Session'
import { signInDestination } from '../session/signInDestination'
import { ErrorNotice } from '../ui/ErrorNotice'

/**
 * `/invite#<token>`: signs in with the invite link's token. The token is read once, removed from
 * the address bar (so it is not left in history or copied along), checked with the server, stored,
 * and the person is asked for a display name before going where the role leads.
 */
export function InvitePage() {
  // Read during the first render: StrictMode's second effect run would find the fragment gone.
  const [token] = useState(() => inviteTokenFromFragment(location.hash) ?? readAuthToken())

  useEffect(() => {
    if (location.hash) history.replaceState(history.state, '', location.pathname + location.search)
  }, [])

  if (token === null) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert" data-invite-error="incomplete">
          <strong>This invite link is incomplete</strong>
          <p>The part after “#” is missing. Copy the whole link from the invitation and open it again.</p>
        </div>
      </div>
    )
  }
  return <InviteSignIn key={token} token={token} />
}

function InviteSignIn({ token }: { readonly token: string }) {
  const user = useLocalUser()
  const { resource, reload } = useApiResource(`invite:${token}`, (signal) => rapporteurApi.getSession(signal, token))
  const session = resource.status === 'ready' ? resource.data : null

  useEffect(() => {
    if (session !== null) saveAuthToken(token)
  }, [session, token])

  useEffect(() => {
    if (session !== null && user !== null) navigate(signInDestination(session), { replace: true })
  }, [session, user])

  if (resource.status === 'loading') return <p className="page muted">Checking your invite link…</p>
  if (resource.status === 'error') {
    const { error } = resource
    return (
      <div className="page">
        {error.isUnauthorized ? (
          <div className="notice notice--error" role="alert" data-invite-error={error.code}>
            <strong>This invite link does not work</strong>
            <p data-sign-in-reason="">{error.message}</p>
            <p>Invite links expire and can be revoked. Ask the organisers for a new one.</p>
          </div>
        ) : (
          <ErrorNotice error={error} title="Your invite link could not be checked.">
            <button type="button" className="button" onClick={reload}>
              Try again
            </button>
          </ErrorNotice>
        )}
      </div>
    )
  }
  if (user !== null) return <p className="page muted">Signing you in…</p>
  return (
    <div className="page">
      <h1>Welcome</h1>
      <p className="muted" data-invite-role={resource.data.role}>
        This link signs you in as <strong>{ROLE_LABELS[resource.data.role]}</strong>.
      </p>
      <NamePrompt heading="What name should others see?" submitLabel="Continue" />
    </div>
  )
}
