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
}
