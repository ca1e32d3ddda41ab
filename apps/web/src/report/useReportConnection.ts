import { useEffect, useState } from 'react'
import { removeAwarenessStates } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { collabServerUrl } from './collabServerUrl'
import { createConnectionClosure, type ConnectionClosure } from './createConnectionClosure'
import type { SnapshotStore } from './createSnapshotStore'

/** The page's single shared document and its provider; every section editor uses these two. */
export interface ReportConnection {
  readonly roundtableId: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Set once the server closed the connection for good (44xx: revoked, unauthorized, too large…). */
  readonly closure: SnapshotStore<ConnectionClosure | null>
}

/**
 * Opens one Y.Doc + WebsocketProvider for the report while the component is mounted, signed in
 * with `token` (sent as the `?token=` parameter the server checks at upgrade).
 * Created in an effect (not during render) so StrictMode's mount–unmount–mount cannot leak a socket.
 */
export function useReportConnection(roundtableId: string, token: string | null): ReportConnection | null {
  const [connection, setConnection] = useState<(ReportConnection & { readonly token: string | null }) | null>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(collabServerUrl(window.location), roundtableId, doc, {
      connect: false,
      params: token === null ? {} : { token },
    })
    const closure = createConnectionClosure(provider)
    // Connect on the next task: StrictMode's immediate unmount then cancels it instead of opening a socket.
    const connectTimer = setTimeout(() => provider.connect(), 0)
    // The provider is an external system: publishing it through state is the point of this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConnection({ roundtableId, token, doc, provider, closure })
    // Closing the tab: tell the others right away instead of letting them wait for the awareness timeout.
    // (A page kept in the back-forward cache may come back, so it keeps its state.)
    const leave = (event: PageTransitionEvent) => {
      if (!event.persisted) removeAwarenessStates(provider.awareness, [doc.clientID], 'page closed')
    }
    window.addEventListener('pagehide', leave)
    return () => {
      clearTimeout(connectTimer)
      window.removeEventListener('pagehide', leave)
      closure.dispose()
      provider.destroy()
      doc.destroy()
    }
  }, [roundtableId, token])

  return connection !== null && connection.roundtableId === roundtableId && connection.token === token ? connection : null
}
