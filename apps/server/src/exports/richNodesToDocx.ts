import { ExternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx'
import { safeHref, type RichMark, type RichNode } from '@rapporteur/template'

/** Numbering reference of ordered lists in the documents `reportDocument` makes. */
export const ORDERED_LIST = 'report-ordered-list'

const HEADINGS = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'] as const

/** Where a block sits: its list nesting, and which ordered list numbers it. */
interface ListPlace {
  readonly level: number
  readonly marker: 'bullet' | 'ordered' | 'none'
  readonly instance: number
}

/** Turns rich content into DOCX paragraphs; numbers each ordered list apart. */
export class RichDocxWriter {
  private orderedLists = 0

  /** `headingBase`: the level of the heading the content sits under; its own headings are shifted below it. */
  constructor(private readonly headingBase: number) {}

  blocks(nodes: readonly RichNode[]): Paragraph[] {
    return nodes.flatMap((node) => this.block(node, null))
  }

  private block(node: RichNode, place: ListPlace | null): Paragraph[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(node.content ?? [], place)]
      case 'heading': {
        const style = headingStyle(headingLevelOf(node) + this.headingBase)
        return [new Paragraph({ heading: style, children: inline(node.content ?? [], {}) })]
      }
      case 'bulletList':
      case 'orderedList': {
        const level = place === null ? 0 : Math.min(8, place.level + 1)
        const marker = node.type === 'bulletList' ? 'bullet' : 'ordered'
        const instance = marker === 'ordered' ? ++this.orderedLists : 0
        return (node.content ?? []).flatMap((item) => this.listItem(item, { level, marker, instance }))
      }
      case 'codeBlock':
        return [
          new Paragraph({
            children: [new TextRun({ text: (node.content ?? []).map((child) => child.text ?? '').join(''), font: 'Courier New' })],
          }),
        ]
      default:
        return (node.content ?? []).flatMap((child) => this.block(child, place))
    }
  }

  /** The item's first paragraph carries the marker; the rest of it is indented under it. */
  private listItem(item: RichNode, place: ListPlace): Paragraph[] {
    let marked = false
    return (item.content ?? []).flatMap((child) => {
      if (child.type === 'paragraph' && !marked) {
        marked = true
        return [this.paragraph(child.content ?? [], place)]
      }
      return this.block(child, marked ? { ...place, marker: 'none' } : place)
    })
  }

  private paragraph(content: readonly RichNode[], place: ListPlace | null): Paragraph {
    const children = inline(content, {})
    if (place === null) return new Paragraph({ children })
    if (place.marker === 'bullet') return new Paragraph({ children, bullet: { level: place.level } })
    if (place.marker === 'ordered') {
      return new Paragraph({ children, numbering: { reference: ORDERED_LIST, level: place.level, instance: place.instance } })
    }
    return new Paragraph({ children, indent: { left: 720 * (place.level + 1) } })
  }
}

interface RunStyle {
  bold?: boolean
  italics?: boolean
  strike?: boolean
  font?: string
}

function styleOf(marks: readonly RichMark[]): RunStyle {
  const style: RunStyle = {}
  for (const mark of marks) {
    if (mark.type === 'bold') style.bold = true
    if (mark.type === 'italic') style.italics = true
    if (mark.type === 'strike') style.strike = true
    if (mark.type === 'code') style.font = 'Courier New'
  }
  return style
}

function inline(nodes: readonly RichNode[], inherited: RunStyle): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    if (node.type === 'hardBreak') return [new TextRun({ break: 1 })]
    if (node.type !== 'text') return inline(node.content ?? [], inherited)
    const marks = node.marks ?? []
    const style = { ...inherited, ...styleOf(marks) }
    const href = safeHref(marks.find((mark) => mark.type === 'link')?.attrs?.href)
    if (href === null) return [new TextRun({ text: node.text ?? '', ...style })]
    return [new ExternalHyperlink({ link: href, children: [new TextRun({ text: node.text ?? '', style: 'Hyperlink', ...style })] })]
  })
}

/**
 * A rich-text heading's own level, 1–6, by the rule of the template's `richHeadingLevel` (the HTML and Markdown
 * exports): a whole number (or a string of one) clamped into 1–6, anything else (missing, `'x'`, 2.5) read as 1.
 */
function headingLevelOf(node: RichNode): number {
  const raw = node.attrs?.level
  const level = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
  return typeof level === 'number' && Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 1
}

/** The paragraph style of a heading at `level` (1–6; clamped into it). */
export function headingStyle(level: number): (typeof HEADINGS)[number] {
  return HEADINGS[Math.min(6, Math.max(1, level)) - 1] ?? 'Heading6'
}
