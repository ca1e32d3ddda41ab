/** The WebSocket base URL of the collaboration endpoint on the page's own origin (`ws:` or `wss:`). */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/collab`
}
