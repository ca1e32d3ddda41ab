import type { RequestHandler, Response } from 'express'
import type { Principal } from '../auth/Principal.js'
import type { PrincipalResolution } from '../auth/resolvePrincipal.js'
import { TokenRefusal } from '../auth/TokenRefusal.js'
import { ApiError } from './ApiError.js'

const MESSAGES: Record<TokenRefusal, string> = {
  [TokenRefusal.Missing]: 'Sign in: send your token as "Authorization: Bearer <token>"',
  [TokenRefusal.Unknown]: 'This token or invite link is not valid',
  [TokenRefusal.Expired]: 'This invite link has expired',
  [TokenRefusal.Revoked]: 'This invite link was revoked',
}

export interface AuthenticateOptions {
  /**
   * Also accept the token as `?token=` when there is no `Authorization` header (for `EventSource`, which cannot
   * set headers). Default false. Whoever allows it must never log the query string.
   */
  readonly queryToken?: boolean
}

/**
 * Middleware signing the request in from its `Authorization: Bearer <token>` header; answers 401
 * `unauthorized` (with `reason`: missing, unknown, expired or revoked) when the token signs nobody in.
 */
export function authenticate(
  resolve: (token: string | null) => PrincipalResolution,
  options: AuthenticateOptions = {},
): RequestHandler {
  return (request, response, next) => {
    let token = readBearerToken(request.get('authorization'))
    if (token === null && options.queryToken === true) token = readQueryToken(request.query.token)
    const resolution = resolve(token)
    if (resolution.refusal !== undefined) throw ApiError.unauthorized(MESSAGES[resolution.refusal], resolution.refusal)
    response.locals.principal = resolution.principal
    next()
  }
}

/** The principal `authenticate` signed the request in as. */
export function requestPrincipal(response: Response): Principal {
  const principal = response.locals.principal as Principal | undefined
  if (principal === undefined) throw new Error('authenticate() must run before the route')
  return principal
}

function readBearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1] ?? null
}

function readQueryToken(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}
