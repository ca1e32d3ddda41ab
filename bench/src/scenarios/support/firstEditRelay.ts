import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import * as Y from 'yjs'
import { REPORT_SECTIONS } from '../../documentText.js'
import { LightClient } from '../../load/LightClient.js'
import type { RunningServer } from '../../servers/ServerUnderTest.js'

/** A client id no seeded report uses. */
const PROBE_CLIENT_ID = 987_654_321

/**
 * The first edit of a stored report that is open but that nobody has edited yet: `writer` (already synced) sends
 * one new paragraph, and a second client, synced just before, times its arrival (ms from sending). A server that
 * builds the document only once someone edits it (Rapporteur) pays its build here; one that builds at open pays
 * it at open. Null if it did not arrive before `timeoutMs`.
 */
export async function firstEditRelay(
  server: RunningServer,
  documentName: string,
  writer: LightClient,
  timeoutMs: number,
): Promise<number | null> {
  let sentAt: number | null = null
  let arrivedAt: number | null = null
  const receiver = new LightClient({
    server,
    documentName,
    onUpdate: (_update, receivedAt, isSyncStep2) => {
      if (!isSyncStep2 && sentAt !== null) arrivedAt ??= receivedAt
    },
  })
  try {
    await receiver.synced
    const probe = new Y.Doc()
    probe.clientID = PROBE_CLIENT_ID
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('A first edit.')])
    probe.getXmlFragment(REPORT_SECTIONS[0] ?? 'summary').insert(0, [paragraph])
    sentAt = performance.now()
    writer.sendUpdate(Y.encodeStateAsUpdate(probe))
    const deadline = sentAt + timeoutMs
    while (arrivedAt === null && performance.now() < deadline && receiver.isOpen) await sleep(1)
    return arrivedAt === null ? null : arrivedAt - sentAt
  } finally {
    await receiver.closed()
  }
}
