/** Machine-readable error codes of the JSON API. */
export const ApiErrorCode = {
  InvalidRequest: 'invalid_request',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  Internal: 'internal_error',
} as const

export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]

/** An error the API answers as `{ error: { code, message, reason? } }` with its HTTP status. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  /** A finer machine-readable cause, e.g. `expired` for a 401. */
  readonly reason: string | undefined

  constructor(status: number, code: ApiErrorCode, message: string, reason?: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.reason = reason
  }

  static invalidRequest(message: string): ApiError {
    return new ApiError(400, ApiErrorCode.InvalidRequest, message)
  }

  /** 401: no token, or one that signs nobody in (`reason`: missing, unknown, expired, revoked). */
  static unauthorized(message: string, reason: string): ApiError {
    return new ApiError(401, ApiErrorCode.Unauthorized, message, reason)
  }

  /** 403: a valid token whose role or scope does not allow the call. */
  static forbidden(message: string): ApiError {
    return new ApiError(403, ApiErrorCode.Forbidden, message)
  }

  static notFound(message: string): ApiError {
    return new ApiError(404, ApiErrorCode.NotFound, message)
  }
}
