/**
 * The token carried by an invite link's fragment (`/invite#<token>`), or null when there is none.
 * The fragment is never sent to the server, so the token stays out of request logs.
 */
export function inviteTokenFromFragment(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash
  let token: string
  try {
    token = decodeURIComponent(raw).trim()
  } catch {
    return null
  }
  return token.length > 0 && !/\s/.test(token) ? token : null
}
