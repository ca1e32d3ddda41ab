const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * The link's address when it is one an export may keep (http, https or mailto, absolute), else null: the link's
 * text is then kept without the link, so no export carries `javascript:` or other active addresses.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const trimmed = href.trim()
  if (trimmed === '') return null
  try {
    const url = new URL(trimmed)
    return ALLOWED_PROTOCOLS.has(url.protocol) ? trimmed : null
  } catch {
    return null
  }
}
