import type { ReactNode } from 'react'
import type { ApiError } from '../api/ApiError'

/** A failed request, said plainly, with an optional way out (retry, go back). */
export function ErrorNotice({ error, title, children }: { readonly error: ApiError; readonly title?: string; readonly children?: ReactNode }) {
  return (
    <div className="notice notice--error" role="alert" data-error={error.code}>
      <strong>{title ?? 'Something went wrong.'}</strong>
      <p>{error.message}</p>
      {children}
    </div>
  )
}
