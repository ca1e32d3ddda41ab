import type { CpuPinning } from '../CpuPinning.js'
import { rapporteurServer } from './rapporteurServer.js'
import { hocuspocusServer, yWebsocketServer } from './referenceServer.js'
import type { ServerUnderTest } from './ServerUnderTest.js'

/** The three servers in table order: Rapporteur, then the two baselines. */
export function allServers(pinning: CpuPinning): ServerUnderTest[] {
  return [rapporteurServer(pinning), yWebsocketServer(pinning), hocuspocusServer(pinning)]
}
