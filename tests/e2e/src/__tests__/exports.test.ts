import { roundtableReportTemplate } from '@rapporteur/template'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openDashboard } from '../dashboardPage.js'
import { describeInBrowser } from '../describeInBrowser.js'
import { findDemoRoundtable, type RoundtableRecord } from '../rapporteurApi.js'
import { openReport } from '../reportPage.js'

interface FetchedExport {
  readonly status: number
  readonly contentType: string | null
  readonly text: string
}

/** Fetches a link's href from inside the page, as the browser would follow it (no extra headers). */
async function fetchLink(page: Page, selector: string): Promise<FetchedExport> {
  const href = await page.locator(selector).getAttribute('href')
  if (href === null) throw new Error(`${selector} has no href`)
  return page.evaluate(async (url) => {
    const response = await fetch(url)
    return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() }
  }, href)
}

describeInBrowser('exports from the report page and the dashboard', (suite) => {
  const contexts: BrowserContext[] = []
  let demo: RoundtableRecord

  const newContext = async (): Promise<BrowserContext> => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    return context
  }

  beforeAll(async () => {
    demo = await findDemoRoundtable(suite.server.url)
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
  })

  it('offers a rapporteur the three export links, and the Markdown one downloads the report with its sections', async () => {
    const page = await openReport(await newContext(), suite.server.url, demo.id, 'Amina')
    const box = page.locator('[data-report-export]')
    await box.waitFor()
    expect(await box.locator('a').allInnerTexts()).toEqual(['Markdown', 'Word (.docx)', 'Print / PDF'])
    expect(await box.innerText()).toContain('Print to save as PDF')
    const html = box.locator('[data-export-format="html"]')
    expect(await html.getAttribute('target')).toBe('_blank')
    expect(await html.getAttribute('href')).toMatch(new RegExp(`^/api/roundtables/${demo.id}/export\\?format=html&token=.+`))
    expect(await box.locator('[data-export-format="docx"]').getAttribute('href')).toContain('format=docx&token=')

    const markdown = await fetchLink(page, '[data-report-export] [data-export-format="md"]')
    expect(markdown.status).toBe(200)
    expect(markdown.contentType).toBe('text/markdown; charset=utf-8')
    expect(markdown.text).toMatch(/^# South-South mobility and migration/)
    const headingAt = roundtableReportTemplate.sections.map((section, index) => {
      const at = markdown.text.indexOf(`## ${index + 1}. ${section.title}`)
      expect(at, section.id).toBeGreaterThan(0)
      return at
    })
    expect(headingAt).toEqual([...headingAt].sort((a, b) => a - b))
    expect(markdown.text).toContain('Anonymous (South-Asian country)')
  })

  it('offers the chair the compiled closing report on the dashboard, and its HTML answers as a page', async () => {
    const chair = await openDashboard(await newContext(), suite.server.url, demo.eventId, 'Chair Ada')
    const links = chair.locator('[data-closing-report]')
    await links.waitFor()
    expect(await links.locator('[data-export-format]').allInnerTexts()).toEqual(['Markdown', 'Word (.docx)', 'Print / PDF'])
    expect(await links.locator('[data-section-across-link]').getAttribute('href')).toBe(`/events/${demo.eventId}/sections/summary`)
    expect(await links.locator('[data-export-format="md"]').getAttribute('href')).toMatch(
      new RegExp(`^/api/events/${demo.eventId}/export\\?format=md&token=.+`),
    )

    const html = await fetchLink(chair, '[data-closing-report] [data-export-format="html"]')
    expect(html.status).toBe(200)
    expect(html.contentType).toBe('text/html; charset=utf-8')
    expect(html.text).toContain('closing report')
    expect(html.text).toContain('South-South mobility and migration')

    await chair.goto(`${suite.server.url}/events/${demo.eventId}`)
    const eventLinks = chair.locator('[data-closing-report] [data-export-format]')
    await eventLinks.first().waitFor()
    expect(await eventLinks.allInnerTexts()).toEqual(['Markdown', 'Word (.docx)', 'Print / PDF'])
  })

  it('gives a viewer working links too, which work because they carry the token', async () => {
    const page = await openReport(await newContext(), suite.server.url, demo.id, 'Viewer Vic', 'viewer')
    await page.locator('[data-report-export]').waitFor()
    const status = await page.evaluate((id) => fetch(`/api/roundtables/${id}/export?format=md`).then((r) => r.status), demo.id)
    expect(status).toBe(401)
    const markdown = await fetchLink(page, '[data-report-export] [data-export-format="md"]')
    expect(markdown.status).toBe(200)
  })
})
