/**
 * Shown instead of a page when nobody is signed in, or the server no longer accepts the stored
 * token. Rapporteur has no passwords: an invite link is the only way in.
 */
export function SignInRequired({ reason }: { readonly reason?: string }) {
  return (
    <div className="notice notice--sign-in" role="alert" data-sign-in-required="">
      <strong>Sign in with your invite link</strong>
      {reason && <p data-sign-in-reason="">{reason}</p>}
      <p>
        Open the link the organisers sent you (it looks like <code>https://…/invite#…</code>). If it no longer works, ask
        them for a new one.
      </p>
    </div>
  )
}
