import { roundtableReportTemplate } from '@rapporteur/template'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { findDemoRoundtable } from '../rapporteurApi.js'
import { openReport, sectionText } from '../reportPage.js'
import { signInAsOrganizer } from '../signIn.js'

describeInBrowser('the report page', (suite) => {
  let context: BrowserContext

  beforeAll(async () => {
    context = await suite.browser.newContext()
  })

  afterAll(async () => {
    await context?.close()
  })

  it('shows the template’s sections in order, with the demo report’s content', async () => {
    const demo = await findDemoRoundtable(suite.server.url)
    const page = await openReport(context, suite.server.url, demo.id, 'Reader')

    const sections = page.locator('[data-section]')
    expect(await sections.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-section')))).toEqual([
      'summary',
      'challenges',
      'opportunities',
      'gcm-relevance',
      'agenda-2030',
      'quotes',
    ])
    const headings = await page.locator('[data-section] > h2').allInnerTexts()
    expect(headings).toEqual(roundtableReportTemplate.sections.map((section, index) => `${index + 1}. ${section.title}`))

    await expect.poll(() => page.locator('[data-meta="title"]').inputValue()).toBe('South-South mobility and migration')
    expect(await sectionText(page, 'summary')).toContain('explore the complexities of growing South-South mobility')
    expect(await page.locator('[data-section="summary"] .ProseMirror a[href^="https://www.ilo.org/"]').count()).toBe(2)
    expect(await sectionText(page, 'challenges')).toContain('Lack of decent jobs')
    expect(await page.locator('[data-section="challenges"] .ProseMirror ul ul li').count()).toBeGreaterThan(3)
    expect(await page.locator('[data-section="quotes"] textarea[name="text"]').first().inputValue()).toContain(
      'SSM will be an integral component of global migration flows',
    )
    expect(await page.locator('[data-section="quotes"] [data-attribution]').first().innerText()).toContain('Anonymous')
    await page.close()
  })

  it('says so when the report does not exist, instead of opening an editor', async () => {
    const page = await signInAsOrganizer(context, suite.server.url)
    await page.goto(`${suite.server.url}/report/nosuchreport0`)
    await expect.poll(() => page.locator('[role="alert"]').innerText()).toContain('This report does not exist.')
    expect(await page.locator('[data-section]').count()).toBe(0)
    await page.close()
  })
})
