import type { RichMark, RichNode } from '../types.js'
import { safeHref } from './safeHref.js'

const ESCAPED = /([\\`*_[\]<>])/g

function escapeText(text: string): string {
  return text.replace(ESCAPED, '\\$1')
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
      return `\`${text}\``
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
      const text = isCode ? (node.text ?? '') : escapeText(node.text ?? '')
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
      const level = Math.min(6, Math.max(3, Number(node.attrs?.level ?? 3) + 2))
      return `${'#'.repeat(level)} ${inline(node.content ?? [])}`
    }
    case 'bulletList':
      return (node.content ?? []).map((item) => listItem(item, '- ')).join('\n')
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1)
      return (node.content ?? []).map((item, index) => listItem(item, `${start + index}. `)).join('\n')
    }
    case 'blockquote':
      return indent(blocks(node.content ?? []), '> ')
    case 'codeBlock':
      return '```\n' + (node.content ?? []).map((child) => child.text ?? '').join('') + '\n```'
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
