import type { ReactNode } from 'react'
import { ErrorNotice } from '../ui/ErrorNotice'
import { SessionContext } from './SessionContext'
import { SignInRequired } from './SignInRequired'
import type { SessionLookup } from './useSessionLookup'

/** Renders `children` with the session once the stored token is accepted; otherwise says how to sign in. */
export function SessionGate({ lookup, children }: { readonly lookup: SessionLookup; readonly children: ReactNode }) {
  switch (lookup.status) {
    case 'signed-out':
      return (
        <div className="page">
          <SignInRequired />
        </div>
      )
    case 'loading':
      return <p className="page muted">Checking your sign-in…</p>
    case 'error':
      return (
        <div className="page">
          <ErrorNotice error={lookup.error} title="Your sign-in could not be checked.">
            <button type="button" className="button" onClick={lookup.retry}>
              Try again
            </button>
          </ErrorNotice>
        </div>
      )
    case 'ready':
      return <SessionContext value={lookup.session}>{children}</SessionContext>
  }
}
