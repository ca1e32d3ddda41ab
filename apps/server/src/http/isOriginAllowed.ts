import { parseOrigin } from '../config/parseOrigin.js'

/**
 * Whether a request with this `Origin` header may open the websocket: requests without one (non-browser
 * clients) may; a browser's only when its origin is listed in `allowedOrigins` (normalized, as `parseOrigin`
 * gives them) or is the server's own, i.e. has the host of the request's `Host` header.
 */
export function isOriginAllowed(
  originHeader: string | undefined,
  hostHeader: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (originHeader === undefined) return true
  const origin = parseOrigin(originHeader)
  if (origin === null) return false
  if (allowedOrigins.includes(origin)) return true
  if (hostHeader === undefined || !/^[^/?#@\s\\]+$/.test(hostHeader)) return false
  const originUrl = new URL(origin)
  try {
    return new URL(`${originUrl.protocol}//${hostHeader}`).host === originUrl.host
  } catch {
    return false
  }
}
