/**
 * The origin (`scheme://host[:port]`, lower-case, default port dropped) of an http(s) URL that is nothing but
 * an origin — no path beyond `/`, no query, no fragment, no credentials — or `null` for anything else.
 */
export function parseOrigin(text: string): string | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return null
  if (/[?#]/.test(text)) return null
  return url.origin
}
