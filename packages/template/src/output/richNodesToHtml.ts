import type { RichMark, RichNode } from '../types.js'
import { escapeHtml } from './escapeHtml.js'
import { richHeadingLevel } from './richHeadingLevel.js'
import { safeHref } from './safeHref.js'

function applyMark(html: string, mark: RichMark): string {
  switch (mark.type) {
    case 'bold':
      return `<strong>${html}</strong>`
    case 'italic':
      return `<em>${html}</em>`
    case 'strike':
      return `<s>${html}</s>`
    case 'code':
      return `<code>${html}</code>`
    case 'link': {
      const href = safeHref(mark.attrs?.href)
      return href === null ? html : `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`
    }
    default:
      return html
  }
}

function inline(nodes: readonly RichNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '<br>'
      if (node.type !== 'text') return inline(node.content ?? [])
      return (node.marks ?? []).reduce(applyMark, escapeHtml(node.text ?? ''))
    })
    .join('')
}

function block(node: RichNode, headingBase: number): string {
  const children = (): string => blocks(node.content ?? [], headingBase)
  switch (node.type) {
    case 'paragraph':
      return `<p>${inline(node.content ?? [])}</p>`
    case 'heading': {
      // The heading's own level (see `richHeadingLevel`) shifted below the section's heading, at most 6.
      const level = Math.min(6, richHeadingLevel(node.attrs) + headingBase)
      return `<h${level}>${inline(node.content ?? [])}</h${level}>`
    }
    case 'bulletList':
      return `<ul>${(node.content ?? []).map((item) => `<li>${blocks(item.content ?? [], headingBase)}</li>`).join('')}</ul>`
    case 'orderedList': {
      const start = Math.trunc(Number(node.attrs?.start ?? 1)) || 1
      const items = (node.content ?? []).map((item) => `<li>${blocks(item.content ?? [], headingBase)}</li>`).join('')
      return `<ol${start === 1 ? '' : ` start="${start}"`}>${items}</ol>`
    }
    case 'blockquote':
      return `<blockquote>${children()}</blockquote>`
    case 'codeBlock':
      return `<pre><code>${escapeHtml((node.content ?? []).map((child) => child.text ?? '').join(''))}</code></pre>`
    case 'horizontalRule':
      return '<hr>'
    default:
      return children()
  }
}

function blocks(nodes: readonly RichNode[], headingBase: number): string {
  return nodes.map((node) => block(node, headingBase)).join('')
}

/**
 * Renders a section's ProseMirror JSON as HTML: every text escaped, nested lists nested, links kept only for
 * http, https and mailto. Headings inside the section are shifted by `headingBase` levels.
 */
export function richNodesToHtml(nodes: readonly RichNode[], headingBase = 2): string {
  return blocks(nodes, headingBase)
}
