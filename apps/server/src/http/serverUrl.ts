import { isIPv6 } from 'node:net'

/** The URL clients on this machine use: wildcard hosts become the loopback address. */
export function serverUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return `http://127.0.0.1:${port}`
  return isIPv6(host) ? `http://[${host}]:${port}` : `http://${host}:${port}`
}
