import { closeMessage } from './closeMessage'
import type { ConnectionClosure } from './createConnectionClosure'

/** Above the report once the server closed its connection for good: why, and what to do. */
export function ConnectionClosedNotice({ closure }: { readonly closure: ConnectionClosure }) {
  const message = closeMessage(closure.code, closure.reason)
  return (
    <div className="notice notice--error" role="alert" data-connection-closed={closure.code}>
      <strong>{message.title}</strong>
      <p>{message.detail}</p>
    </div>
  )
}
