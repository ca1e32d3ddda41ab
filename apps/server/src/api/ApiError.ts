/** Machine-readable error codes of the JSON API. */
export const ApiErrorCode = {
  InvalidRequest: 'invalid_request',
  NotFound: 'not_found',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  Internal: 'internal_error',
} as const

export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]

/** An error the API answers as `{ error: { code, message } }` with its HTTP status. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode

  constructor(status: number, code: ApiErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }

  static invalidRequest(message: string): ApiError {
    return new ApiError(400, ApiErrorCode.InvalidRequest, message)
  }

  static notFound(message: string): ApiError {
    return new ApiError(404, ApiErrorCode.NotFound, message)
  }
}
