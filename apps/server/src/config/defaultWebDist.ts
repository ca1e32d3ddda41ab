import { fileURLToPath } from 'node:url'

/**
 * The web app's build output, `apps/web/dist`, found from this file's place in the server package
 * (`apps/server/src/config` when run from source, `apps/server/dist/config` once compiled).
 */
export function defaultWebDist(): string {
  return fileURLToPath(new URL('../../../web/dist/', import.meta.url))
}
