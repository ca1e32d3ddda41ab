/** The `token` query parameter of a collaboration URL (`/collab/<name>?token=…`), or `null` without one. */
export function readTokenParam(requestUrl: string | undefined): string | null {
  return new URL(requestUrl ?? '/', 'http://localhost').searchParams.get('token')
}
