import type { InviteRole } from '../auth/Role.js'
import { ApiError } from './ApiError.js'

/** The `role` field of a new invite: one of the roles this kind of invite may give. */
export function readInviteRole(body: Record<string, unknown>, allowed: readonly InviteRole[]): InviteRole {
  const value = body.role
  const match = allowed.find((role) => role === value)
  if (match === undefined) {
    const names = allowed.map((role) => JSON.stringify(role)).join(' or ')
    throw ApiError.invalidRequest(`role must be ${names}, got ${JSON.stringify(value ?? null)}`)
  }
  return match
}
