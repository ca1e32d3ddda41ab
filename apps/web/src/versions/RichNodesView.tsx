import type { RichMark, RichNode } from '@rapporteur/template'
import { Fragment, type ReactNode } from 'react'

/** Only web links are followed; anything else (javascript:, data:) is shown as plain text. */
function safeHref(mark: RichMark): string | null {
  const href = mark.attrs?.href
  return typeof href === 'string' && /^(https?:|mailto:)/i.test(href) ? href : null
}

function withMark(children: ReactNode, mark: RichMark, key: number): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong key={key}>{children}</strong>
    case 'italic':
      return <em key={key}>{children}</em>
    case 'link': {
      const href = safeHref(mark)
      return href === null ? children : <a key={key} href={href} target="_blank" rel="noreferrer noopener">{children}</a>
    }
    default:
      return children
  }
}

function renderNode(node: RichNode, key: number): ReactNode {
  const children = (node.content ?? []).map(renderNode)
  switch (node.type) {
    case 'text':
      return (
        <Fragment key={key}>
          {(node.marks ?? []).reduce<ReactNode>((inner, mark, index) => withMark(inner, mark, index), node.text ?? '')}
        </Fragment>
      )
    case 'paragraph':
      return <p key={key}>{children}</p>
    case 'bulletList':
      return <ul key={key}>{children}</ul>
    case 'orderedList':
      return <ol key={key}>{children}</ol>
    case 'listItem':
      return <li key={key}>{children}</li>
    case 'hardBreak':
      return <br key={key} />
    default:
      // An unknown node still shows its text.
      return <span key={key}>{children}</span>
  }
}

/** Rich text from ProseMirror JSON nodes, rendered read-only (no editor, nothing collaborative). */
export function RichNodesView({ nodes }: { readonly nodes: readonly RichNode[] }) {
  if (nodes.length === 0) return <p className="muted">(empty)</p>
  return <>{nodes.map(renderNode)}</>
}
