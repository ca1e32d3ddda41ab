import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { reportToHtml, reportToMarkdown, roundtableReportTemplate, southSouthMobilityReport } from '../index.js'
import { readGolden } from './readGolden.js'

const golden = (name: string): string => fileURLToPath(new URL(`./golden/${name}`, import.meta.url))

/** A list item as a bullet indented two spaces per level of list nesting; any other tag dropped. */
function listTag(tag: string, depth: { lists: number }): string {
  if (/^<[uo]l[ >]/.test(tag)) depth.lists += 1
  else if (/^<\/[uo]l>/.test(tag)) depth.lists -= 1
  else if (tag === '<li>') return `${'  '.repeat(Math.max(0, depth.lists - 1))}• `
  return ''
}

/**
 * The visible text of an HTML page, one block per line: list items as bullets indented by nesting, other tags
 * dropped, entities of `escapeHtml` decoded.
 */
function htmlBodyText(html: string): string {
  const depth = { lists: 0 }
  const body = html.slice(html.indexOf('<body>') + '<body>'.length, html.indexOf('</body>'))
  return body
    .replace(/<(?:\/p|\/h\d|\/li|\/dt|\/dd|br|\/figcaption|\/blockquote|\/section|\/header)>/g, '$&\n')
    .replace(/<[^>]+>/g, (tag) => listTag(tag, depth))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n')
    .concat('\n')
}

describe('golden files of the seed report', () => {
  it('renders the seed report as the reviewed Markdown', () => {
    const markdown = reportToMarkdown(southSouthMobilityReport, roundtableReportTemplate)
    expect(markdown).toBe(readGolden(golden('south-south-mobility.md'), markdown))
  })

  it('renders the seed report as HTML whose text is the reviewed text', () => {
    const text = htmlBodyText(reportToHtml(southSouthMobilityReport, roundtableReportTemplate))
    expect(text).toBe(readGolden(golden('south-south-mobility.html.txt'), text))
  })
})
