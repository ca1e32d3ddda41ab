/**
 * The document name in a collaboration URL `<basePath>/<encoded name>` (query ignored), or `null` when the
 * URL is not one: another path, an empty name, a name with a slash, or broken percent-encoding.
 */
export function readDocumentName(requestUrl: string | undefined, basePath: string): string | null {
  const { pathname } = new URL(requestUrl ?? '/', 'http://localhost')
  const prefix = `${basePath}/`
  if (!pathname.startsWith(prefix)) return null
  const encodedName = pathname.slice(prefix.length)
  if (encodedName === '' || encodedName.includes('/')) return null
  try {
    return decodeURIComponent(encodedName)
  } catch {
    return null
  }
}
