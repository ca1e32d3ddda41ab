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

/**
 * Middleware signing the request in from its `Authorization: Bearer <token>` header; answers 401
 * `unauthorized` (with `reason`: missing, unknown, expired or revoked) when the token signs nobody in.
 */
export function authenticate(resolve: (token: string | null) => PrincipalResolution): RequestHandler {
  return (request, response, next) => {
    const resolution = resolve(readBearerToken(request.get('authorization')))
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
