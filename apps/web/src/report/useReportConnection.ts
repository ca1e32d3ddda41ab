import { useEffect, useState } from 'react'
import { removeAwarenessStates } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import { upgradeReportLayout, type TemplateDefinition } from '@rapporteur/template'
import * as Y from 'yjs'
import { followNetwork } from '../offline/followNetwork'
import { openLocalCopy } from '../offline/openLocalCopy'
import { createSavedStateTracker, type SavedStateTracker } from '../saved/createSavedStateTracker'
import { listenForDurability, sendSaveRequest } from '../saved/listenForDurability'
import { persistUnsavedChanges } from '../saved/persistUnsavedChanges'
import { readUnsavedChanges } from '../saved/unsavedChangesStore'
import { collabServerUrl } from './collabServerUrl'
import { createConnectionClosure, type ConnectionClosure } from './createConnectionClosure'
import type { SnapshotStore } from './createSnapshotStore'
import { createFieldUndo } from './fields/createFieldUndo'
import { LAYOUT_UPGRADE_ORIGIN } from './fields/layoutUpgradeOrigin'

/** The page's single shared document and its provider; every section editor uses these two. */
export interface ReportConnection {
  readonly roundtableId: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Set once the server closed the connection for good (44xx: revoked, unauthorized, too large…). */
  readonly closure: SnapshotStore<ConnectionClosure | null>
  /** Which local changes the server has stored durably. */
  readonly saved: SavedStateTracker
  /** Undo of this page's own edits of header fields and quotes (see `createFieldUndo`). */
  readonly fieldUndo: Y.UndoManager
}

/**
 * Opens one Y.Doc for the report while the component is mounted: first its local copy (IndexedDB), then
 * a WebsocketProvider signed in with `token` (the `?token=` parameter the server checks at upgrade) that asks
 * for durability acknowledgements (`durable=1`). The connection is published once the local copy loaded.
 * Created in an effect (not during render) so StrictMode's mount–unmount–mount cannot leak a socket.
 * A reader (`canEdit` false: chair, viewer) receives quote names only once consent is approved, so its copy
 * never meets a writer's: its own IndexedDB copy, and no BroadcastChannel between tabs (every tab goes
 * through the server, which applies the Chatham House rule).
 * A writer's local copy may hold layout v1 values its page wrote before the server upgraded the report (an older
 * release, offline): they are upgraded in place before connecting, so they reach the server as v2 (the server
 * refuses v1 writes with 4426, and the page would be refused again after every reload).
 */
export function useReportConnection(
  roundtableId: string,
  token: string | null,
  canEdit: boolean,
  template: TemplateDefinition,
): ReportConnection | null {
  const [connection, setConnection] = useState<(ReportConnection & { readonly token: string | null }) | null>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    const localCopy = openLocalCopy(roundtableId, doc, canEdit ? 'writer' : 'reader')
    const provider = new WebsocketProvider(collabServerUrl(window.location), roundtableId, doc, {
      connect: false,
      disableBc: true,
      params: token === null ? { durable: '1' } : { token, durable: '1' },
    })
    const closure = createConnectionClosure(provider)
    const fieldUndo = createFieldUndo(doc)
    let disposed = false
    const cleanups: (() => void)[] = []

    void localCopy.loaded.then(() => {
      if (disposed) return
      if (canEdit) upgradeReportLayout(doc, template, LAYOUT_UPGRADE_ORIGIN)
      const saved = createSavedStateTracker(doc, {
        remoteOrigins: [provider, localCopy.origin],
        restored: readUnsavedChanges(roundtableId, doc),
        requestSave: (seq) => sendSaveRequest(provider, seq),
      })
      cleanups.push(
        persistUnsavedChanges(roundtableId, saved),
        listenForDurability(provider, saved),
        followNetwork(provider, () => closure.getSnapshot() === null),
        () => saved.dispose(),
      )
      // Offline, the provider waits for the `online` event instead of retrying into the void.
      if (navigator.onLine) provider.connect()
      setConnection({ roundtableId, token, doc, provider, closure, saved, fieldUndo })
    })

    // Closing the tab: tell the others right away instead of letting them wait for the awareness timeout.
    // (A page kept in the back-forward cache may come back, so it keeps its state.)
    const leave = (event: PageTransitionEvent) => {
      if (!event.persisted) removeAwarenessStates(provider.awareness, [doc.clientID], 'page closed')
    }
    window.addEventListener('pagehide', leave)
    return () => {
      disposed = true
      window.removeEventListener('pagehide', leave)
      cleanups.forEach((cleanup) => cleanup())
      closure.dispose()
      fieldUndo.destroy()
      provider.destroy()
      localCopy.destroy()
      doc.destroy()
    }
  }, [roundtableId, token, canEdit, template])

  return connection !== null && connection.roundtableId === roundtableId && connection.token === token ? connection : null
}
