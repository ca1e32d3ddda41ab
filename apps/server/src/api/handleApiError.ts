import type { ErrorRequestHandler } from 'express'
import type { Logger } from '@rapporteur/collab'
import { ApiError, ApiErrorCode } from './ApiError.js'

/** Errors thrown by express's body parser carry an HTTP status and a `type`. */
interface BodyParserError {
  status: number
  type: string
}

/** Express error middleware answering every API error as `{ error: { code, message } }`. */
export function handleApiError(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error)
      return
    }
    const apiError = toApiError(error)
    const path = request.baseUrl + request.path
    if (apiError.status >= 500) logger.error('API request failed', { method: request.method, path, error })
    if (apiError.status === 401 || apiError.status === 403) {
      logger.info('API request refused', {
        method: request.method,
        path,
        status: apiError.status,
        reason: apiError.reason ?? apiError.message,
      })
    }
    if (apiError.status === 401) response.setHeader('WWW-Authenticate', 'Bearer')
    const reason = apiError.reason === undefined ? {} : { reason: apiError.reason }
    response.status(apiError.status).json({ error: { code: apiError.code, message: apiError.message, ...reason } })
  }
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (!isBodyParserError(error)) return new ApiError(500, ApiErrorCode.Internal, 'Internal server error')
  switch (error.type) {
    case 'entity.parse.failed':
      return ApiError.invalidRequest('Request body is not valid JSON')
    case 'entity.too.large':
      return new ApiError(413, ApiErrorCode.PayloadTooLarge, 'Request body is too large')
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, ApiErrorCode.UnsupportedMediaType, 'Request body must be UTF-8 JSON')
    default:
      return error.status >= 400 && error.status < 500
        ? ApiError.invalidRequest('Request body could not be read')
        : new ApiError(500, ApiErrorCode.Internal, 'Internal server error')
  }
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as Partial<BodyParserError>).status === 'number' &&
    typeof (error as Partial<BodyParserError>).type === 'string'
  )
}
