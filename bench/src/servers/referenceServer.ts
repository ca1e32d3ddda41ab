import { fileURLToPath } from 'node:url'
import type { CpuPinning } from '../CpuPinning.js'
import { findFreePort } from '../findFreePort.js'
import { hocuspocusCodec } from '../protocol/hocuspocusCodec.js'
import { yWebsocketCodec } from '../protocol/yWebsocketCodec.js'
import { ChildServer } from './ChildServer.js'
import { readProcessSample } from './readProcessSample.js'
import type { RunningServer, ServerName, ServerStats, ServerUnderTest } from './ServerUnderTest.js'

/** Launchers are always run from the build output (also when the bench code itself runs from `src` in vitest). */
function launcherPath(fileName: string): string {
  return fileURLToPath(new URL(`../../dist/servers/${fileName}`, import.meta.url))
}

function referenceServer(name: ServerName, launcher: string, pinning: CpuPinning): ServerUnderTest {
  return {
    name,
    async start(): Promise<RunningServer> {
      const child = new ChildServer(
        { label: name, scriptPath: launcherPath(launcher), pinning, env: {}, readyPath: '/stats' },
        await findFreePort(),
      )
      await child.start()
      const wsBase = `ws://127.0.0.1:${child.port}`
      return {
        name,
        get pid() {
          return child.pid
        },
        get died() {
          return child.died
        },
        documentUrl: (documentName) => (name === 'hocuspocus' ? `${wsBase}/` : `${wsBase}/${documentName}`),
        codec: (documentName) => (name === 'hocuspocus' ? hocuspocusCodec(documentName, 'bench') : yWebsocketCodec()),
        prepareDocuments: () => Promise.resolve(),
        chairFeed: () => null,
        async stats(): Promise<ServerStats> {
          const response = await fetch(`${child.url}/stats`)
          if (!response.ok) throw new Error(`${name} /stats answered ${response.status}`)
          return (await response.json()) as ServerStats
        },
        sample: () => readProcessSample(child.pid),
        restart: () => child.restart(),
        stop: () => child.stop(),
      }
    },
  }
}

/** `@y/websocket-server@0.1.1` (see launchYWebsocketServer.ts). */
export function yWebsocketServer(pinning: CpuPinning): ServerUnderTest {
  return referenceServer('y-websocket-server', 'launchYWebsocketServer.js', pinning)
}

/** `@hocuspocus/server@3.4.4` (see launchHocuspocus.ts). */
export function hocuspocusServer(pinning: CpuPinning): ServerUnderTest {
  return referenceServer('hocuspocus', 'launchHocuspocus.js', pinning)
}
