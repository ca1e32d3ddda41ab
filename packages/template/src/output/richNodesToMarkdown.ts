import type { RichMark, RichNode } from '../types.js'
import { backtickFence } from './backtickFence.js'
import { escapeMarkdown } from './escapeMarkdown.js'
import { richHeadingLevel } from './richHeadingLevel.js'
import { safeHref } from './safeHref.js'

/** Code text as a code span: literal inside, on one line (a blank line would end it), never closed early. */
function codeSpan(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ')
  const fence = backtickFence(line, 1)
  const padding = line.startsWith('`') || line.endsWith('`') ? ' ' : ''
  return `${fence}${padding}${line}${padding}${fence}`
}

function applyMark(text: string, mark: RichMark): string {
  switch (mark.type) {
    case 'bold':
      return `**${text}**`
    case 'italic':
      return `_${text}_`
    case 'strike':
      return `~~${text}~~`
    case 'code':
      return codeSpan(text)
    case 'link': {
      const href = safeHref(mark.attrs?.href)
      return href ? `[${text}](${href.replace(/[()\s]/g, encodeURIComponent)})` : text
    }
    default:
      return text
  }
}

function inline(nodes: readonly RichNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '  \n'
      if (node.type !== 'text') return inline(node.content ?? [])
      const isCode = node.marks?.some((mark) => mark.type === 'code') ?? false
      const text = isCode ? (node.text ?? '') : escapeMarkdown(node.text ?? '')
      return (node.marks ?? []).reduce(applyMark, text)
    })
    .join('')
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n')
}

function listItem(item: RichNode, marker: string): string {
  const body = blocks(item.content ?? [], '\n')
  const [first = '', ...rest] = body.split('\n')
  const continuation = ' '.repeat(marker.length)
  return [marker + first, ...rest.map((line) => (line ? continuation + line : line))].join('\n')
}

function block(node: RichNode): string {
  switch (node.type) {
    case 'paragraph':
      return inline(node.content ?? [])
    case 'heading': {
      // Below the section's `##` heading: the heading's own level (see `richHeadingLevel`) plus 2, at most 6.
      const level = Math.min(6, richHeadingLevel(node.attrs) + 2)
      return `${'#'.repeat(level)} ${inline(node.content ?? [])}`
    }
    case 'bulletList':
      return (node.content ?? []).map((item) => listItem(item, '- ')).join('\n')
    case 'orderedList': {
      const start = Math.trunc(Number(node.attrs?.start ?? 1)) || 1
      return (node.content ?? []).map((item, index) => listItem(item, `${start + index}. `)).join('\n')
    }
    case 'blockquote':
      return indent(blocks(node.content ?? []), '> ')
    case 'codeBlock': {
      const code = (node.content ?? []).map((child) => child.text ?? '').join('')
      const fence = backtickFence(code, 3)
      return `${fence}\n${code}\n${fence}`
    }
    case 'horizontalRule':
      return '---'
    default:
      return blocks(node.content ?? [])
  }
}

/** Renders a section's ProseMirror JSON as Markdown; nested lists are indented under their item. */
export function richNodesToMarkdown(nodes: readonly RichNode[], separator = '\n\n'): string {
  return blocks(nodes, separator)
}

function blocks(nodes: readonly RichNode[], separator = '\n\n'): string {
  return nodes
    .map(block)
    .filter((text) => text.trim() !== '')
    .join(separator)
}
