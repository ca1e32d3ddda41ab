/** A failed API call: the server's error code and message, or a network failure (`status` 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }

  get isNotFound(): boolean {
    return this.status === 404
  }

  /** No token, or one the server no longer accepts (unknown, expired, revoked): sign in again. */
  get isUnauthorized(): boolean {
    return this.status === 401
  }

  /** A valid token whose role or scope does not cover this. */
  get isForbidden(): boolean {
    return this.status === 403
  }
}
