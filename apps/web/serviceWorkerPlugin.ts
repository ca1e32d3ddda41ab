import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

/**
 * Emits `sw.js` (from `serviceWorker/sw.js`) with the list of built files to precache and a version derived
 * from them, so every build that changes an asset installs a new worker and drops the old cache.
 */
export function serviceWorkerPlugin(): Plugin {
  const source = new URL('./serviceWorker/sw.js', import.meta.url)
  return {
    name: 'rapporteur-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((fileName) => fileName !== 'index.html' && !fileName.endsWith('.map'))
        .map((fileName) => `/${fileName}`)
        .sort()
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12)
      const prelude =
        `self.__RAPPORTEUR_VERSION__ = ${JSON.stringify(version)}\n` +
        `self.__RAPPORTEUR_PRECACHE__ = ${JSON.stringify(files)}\n`
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: prelude + readFileSync(source, 'utf8') })
    },
  }
}
