import type { Request } from 'express'

/**
 * The sign-in link of a token: `<base>/invite#<token>`, where base is `publicUrl` when configured, else the
 * origin the API request was sent to. The token is in the fragment, which browsers never send to a server.
 */
export function signInUrl(token: string, publicUrl: string | undefined, request: Request): string {
  const base = publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`
  return `${base}/invite#${token}`
}
