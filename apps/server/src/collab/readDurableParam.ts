/**
 * True when a collaboration URL asks for durability acknowledgements (`/collab/<name>?durable=1`, see
 * docs/PROTOCOL.md). Any other value, or none, means no.
 */
export function readDurableParam(requestUrl: string | undefined): boolean {
  return new URL(requestUrl ?? '/', 'http://localhost').searchParams.get('durable') === '1'
}
