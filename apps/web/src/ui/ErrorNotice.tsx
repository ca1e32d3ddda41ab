import type { ReactNode } from 'react'
import type { ApiError } from '../api/ApiError'
import { SignInRequired } from '../session/SignInRequired'

/**
 * A failed request, said plainly, with an optional way out (retry, go back). A 401 asks to sign in
 * again with an invite link; a 403 says the signed-in role does not cover this.
 */
export function ErrorNotice({ error, title, children }: { readonly error: ApiError; readonly title?: string; readonly children?: ReactNode }) {
  if (error.isUnauthorized) return <SignInRequired reason={error.message} />
  return (
    <div className="notice notice--error" role="alert" data-error={error.code}>
      <strong>{error.isForbidden ? 'You don’t have access to this' : (title ?? 'Something went wrong.')}</strong>
      <p>{error.isForbidden ? 'Your invite link does not cover this page. Ask the organisers if you need it.' : error.message}</p>
      {children}
    </div>
  )
}
