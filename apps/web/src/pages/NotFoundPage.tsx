import { Link } from '../router/Link'
import { paths } from '../router/paths'

export function NotFoundPage({ path }: { readonly path: string }) {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at {path}.</p>
      <Link to={paths.events()}>Go to all events</Link>
    </div>
  )
}
