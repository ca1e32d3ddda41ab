import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  compileEventReport,
  compileSection,
  reportToHtml,
  reportToMarkdown,
  roundtableReportTemplate,
  writeReportContent,
  type ReportContent,
  type RichNode,
} from '../index.js'

const PAYLOAD = '<img src=x onerror=alert(1)>'
const ESCAPED_MARKDOWN = '\\<img src=x onerror=alert(1)\\>'
const ESCAPED_HTML = '&lt;img src=x onerror=alert(1)&gt;'

const text = (value: string): RichNode => ({ type: 'text', text: value })
const heading = (attrs: Record<string, unknown> | undefined): RichNode => ({
  type: 'heading',
  ...(attrs === undefined ? {} : { attrs }),
  content: [text(PAYLOAD)],
})

/** Every kind of block a section holds, each carrying the payload; headings with levels no editor would write. */
const hostileSection: RichNode[] = [
  heading({ level: 0 }),
  heading({ level: 7 }),
  heading({ level: 'x' }),
  heading(undefined),
  { type: 'paragraph', content: [text(PAYLOAD), { type: 'hardBreak' }, text(`# ${PAYLOAD}`)] },
  { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text(PAYLOAD)] }] }] },
  { type: 'blockquote', content: [{ type: 'paragraph', content: [text(PAYLOAD)] }] },
]

/** A report whose every field (header fields, each section, every quote field) holds the payload. */
const hostile: ReportContent = {
  meta: Object.fromEntries(roundtableReportTemplate.meta.map((field) => [field.id, PAYLOAD])),
  sections: Object.fromEntries(
    roundtableReportTemplate.sections.filter((section) => section.kind === 'rich-text').map((section) => [section.id, hostileSection]),
  ),
  quotes: [
    { text: `${PAYLOAD}\n${PAYLOAD}`, speaker: PAYLOAD, affiliation: PAYLOAD, description: PAYLOAD, consent: 'approved' },
    { text: PAYLOAD, speaker: PAYLOAD, affiliation: PAYLOAD, description: PAYLOAD, consent: 'anonymous' },
  ],
}

function hostileDoc(): Y.Doc {
  const doc = new Y.Doc()
  writeReportContent(doc, roundtableReportTemplate, hostile)
  return doc
}

const entry = { title: PAYLOAD, template: roundtableReportTemplate, report: hostile, ready: null }

const NOT_HEADINGS = new Set(['html', 'head', 'header', 'hr'])

/** The level of every heading tag (`<hN>`, `</hN>`) in an HTML page, as written: whatever follows the `h`. */
function headingTagLevels(html: string): string[] {
  return [...html.matchAll(/<\/?(h[^\s>]*)/gi)]
    .map((match) => match[1] ?? '')
    .filter((name) => !NOT_HEADINGS.has(name.toLowerCase()))
    .map((name) => name.slice(1))
}

function expectInertMarkdown(markdown: string, label: string): void {
  // Every `<` is backslash-escaped, so a Markdown renderer shows it as text and never as an HTML tag.
  expect(markdown, label).not.toMatch(/(?<!\\)</)
  expect(markdown, label).toContain(ESCAPED_MARKDOWN)
  for (const line of markdown.split('\n').filter((each) => each.startsWith('#'))) {
    expect(line, label).toMatch(/^#{1,6} \S/)
  }
}

function expectInertHtml(html: string, label: string): void {
  expect(html, label).not.toMatch(/<img/i)
  expect(html, label).toContain(ESCAPED_HTML)
  const levels = headingTagLevels(html)
  expect(levels.length, label).toBeGreaterThan(0)
  for (const level of levels) expect(['1', '2', '3', '4', '5', '6'], `${label}: <h${level}>`).toContain(level)
}

describe('every text of a report is escaped in Markdown and HTML', () => {
  it('escapes header fields, sections and every quote field in the Markdown, from content and from a document', () => {
    for (const source of [hostile, hostileDoc()]) {
      const markdown = reportToMarkdown(source, roundtableReportTemplate)
      expectInertMarkdown(markdown, 'report')
      expect(markdown).toContain(`# ${ESCAPED_MARKDOWN}\n`)
      expect(markdown).toContain(`**Session date and time:** ${ESCAPED_MARKDOWN}  \n**Rapporteurs:** ${ESCAPED_MARKDOWN}\n`)
      expect(markdown).toContain(`> “${ESCAPED_MARKDOWN}\n> ${ESCAPED_MARKDOWN}”\n>\n> — ${ESCAPED_MARKDOWN}, ${ESCAPED_MARKDOWN}\n`)
      expect(markdown).toContain(`> — Anonymous (${ESCAPED_MARKDOWN})`)
      expect(markdown).toContain(`  \n\\# ${ESCAPED_MARKDOWN}`)
    }
  })

  it('escapes header fields, sections and every quote field in the HTML, from content and from a document', () => {
    for (const source of [hostile, hostileDoc()]) {
      const html = reportToHtml(source, roundtableReportTemplate)
      expectInertHtml(html, 'report')
      expect(html).toContain(`<title>${ESCAPED_HTML}</title>`)
      expect(html).toContain(`<dd>${ESCAPED_HTML}</dd>`)
      expect(html).toContain(`— ${ESCAPED_HTML}, ${ESCAPED_HTML}</figcaption>`)
      expect(html).toContain(`— Anonymous (${ESCAPED_HTML})</figcaption>`)
    }
  })

  it('escapes the compiled report and a section across roundtables alike', () => {
    const compiled = compileEventReport({ event: { title: PAYLOAD, closingAt: '2099-06-30T17:00:00Z' }, reports: [entry] })
    expectInertMarkdown(compiled.markdown, 'compiled')
    expect(compiled.markdown).toContain(`## 1. ${ESCAPED_MARKDOWN}\n`)
    expectInertHtml(compiled.html, 'compiled')
    for (const section of roundtableReportTemplate.sections) {
      const across = compileSection({ event: { title: PAYLOAD }, section, reports: [entry] })
      expectInertMarkdown(across.markdown, section.id)
      expectInertHtml(across.html, section.id)
    }
  })
})

describe('a heading whose level is not a whole number from 1 to 6', () => {
  // Level 0 reads as 1, 7 as 6, anything else (missing, 'x') as 1; shifted below the section's heading (h2).
  it('is written as a heading of a level that fits the section in HTML', () => {
    const html = reportToHtml(hostile, roundtableReportTemplate)
    expect(html).not.toMatch(/<\/?h(?:NaN|0|7|8|9|undefined)\b/)
    const summary = html.slice(html.indexOf('data-section="summary"'), html.indexOf('data-section="challenges"'))
    const inSection = [...summary.matchAll(/<h(\d)>/g)].map((match) => match[1])
    expect(inSection).toEqual(['2', '3', '6', '3', '3'])
  })

  it('is written as a Markdown heading below the section heading', () => {
    const markdown = reportToMarkdown(hostile, roundtableReportTemplate)
    const summary = markdown.slice(markdown.indexOf('## 1. '), markdown.indexOf('## 2. '))
    const headings = summary.split('\n').filter((line) => line.startsWith('#') || line.startsWith(' '))
    expect(headings).toEqual([
      '## 1. Summary / main discussion points',
      `### ${ESCAPED_MARKDOWN}`,
      `###### ${ESCAPED_MARKDOWN}`,
      `### ${ESCAPED_MARKDOWN}`,
      `### ${ESCAPED_MARKDOWN}`,
    ])
  })

  it('keeps whole-number levels 1 to 6, given as numbers or as strings', () => {
    const levels = [1, 2, '3', 4, 5, 6, 2.5]
    const content: ReportContent = { meta: {}, sections: { summary: levels.map((level) => heading({ level })) }, quotes: [] }
    const html = reportToHtml(content, roundtableReportTemplate)
    const summary = html.slice(html.indexOf('data-section="summary"'), html.indexOf('data-section="challenges"'))
    expect([...summary.matchAll(/<h(\d)>/g)].map((match) => match[1])).toEqual(['2', '3', '4', '5', '6', '6', '6', '3'])
  })
})

describe('code in Markdown', () => {
  it('cannot close its own code span or code block early and let the payload out', () => {
    const breakout = `\` ${PAYLOAD} \``
    const content: ReportContent = {
      meta: {},
      sections: {
        summary: [
          { type: 'paragraph', content: [{ type: 'text', text: breakout, marks: [{ type: 'code' }] }] },
          { type: 'codeBlock', content: [text(`\`\`\`\n${PAYLOAD}\n\`\`\``)] },
        ],
      },
      quotes: [],
    }
    const markdown = reportToMarkdown(content, roundtableReportTemplate)
    expect(markdown).toContain(`\`\` ${breakout} \`\``)
    expect(markdown).toContain(`\`\`\`\`\n\`\`\`\n${PAYLOAD}\n\`\`\`\n\`\`\`\``)
  })
})
