import { navigate } from '../router/navigate'
import { paths } from '../router/paths'
import { saveAuthToken } from './authTokenStore'
import { ROLE_LABELS } from './Session'
import type { SessionLookup } from './useSessionLookup'

/** The header's "signed in as" line with a way to sign out (forgets the token on this device). */
export function SessionBadge({ lookup }: { readonly lookup: SessionLookup }) {
  if (lookup.status !== 'ready') return null
  const signOut = () => {
    saveAuthToken(null)
    navigate(paths.events())
  }
  return (
    <div className="session-badge" data-role={lookup.session.role}>
      <span>
        Signed in as <strong className="session-badge__role">{ROLE_LABELS[lookup.session.role]}</strong>
      </span>
      <button type="button" className="button link" onClick={signOut}>
        Sign out
      </button>
    </div>
  )
}
