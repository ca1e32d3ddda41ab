import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openDashboard, roundtableCard, sectionCell } from '../dashboardPage.js'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable, createRoundtableInEvent, findDemoRoundtable, type RoundtableRecord } from '../rapporteurApi.js'
import { openReport, sectionEditor, sectionText } from '../reportPage.js'

/** The promise: what a rapporteur types shows on the chair's dashboard within two seconds. */
const LIVE_WITHIN_MS = 2_000

const caretNames = (page: Page, sectionId: string): Promise<string[]> =>
  page.locator(`[data-section="${sectionId}"] .collaboration-carets__label`).allInnerTexts()

describeInBrowser('the chair’s live dashboard', (suite) => {
  const contexts: BrowserContext[] = []
  let roundtable: RoundtableRecord
  let chair: Page
  let amina: Page
  let card: Locator

  const newContext = async (): Promise<BrowserContext> => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    return context
  }

  beforeAll(async () => {
    roundtable = await createRoundtable(suite.server.url, 'Labour migration corridors')
    chair = await openDashboard(await newContext(), suite.server.url, roundtable.eventId, 'Chair Ada')
    card = roundtableCard(chair, roundtable.id)
    amina = await openReport(await newContext(), suite.server.url, roundtable.id, 'Amina')
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
  })

  it('lands the chair on the dashboard, with the countdown and one card per roundtable', async () => {
    await card.waitFor()
    await expect.poll(() => chair.locator('[data-roundtable-card]').count()).toBe(1)
    expect(await chair.locator('[data-countdown="ahead"]').innerText()).toMatch(/Closing session in \d d \d\d h/)
    expect(await sectionCell(card, 'challenges').getAttribute('data-state')).toBe('empty')
    expect(await card.locator('[data-ready]').getAttribute('data-ready')).toBe('false')
  })

  it('reflects words typed into the report within two seconds, and shows the rapporteur in that section', async () => {
    await sectionEditor(amina, 'challenges').click()
    await amina.keyboard.type('Visa costs block regional mobility')
    await expect.poll(() => sectionText(amina, 'challenges')).toBe('Visa costs block regional mobility')

    const challenges = sectionCell(card, 'challenges')
    await expect.poll(() => challenges.getAttribute('data-words'), { timeout: LIVE_WITHIN_MS, interval: 50 }).toBe('5')
    expect(await challenges.getAttribute('data-state')).toBe('started')
    expect(await sectionCell(card, 'summary').getAttribute('data-words')).toBe('0')
    const present = card.locator('[data-present-name="Amina"]')
    await expect.poll(() => present.innerText().catch(() => ''), { timeout: LIVE_WITHIN_MS }).toContain('2. Challenges')
    expect(await card.locator('[data-last-edit]').innerText()).toContain('just now')
  })

  it('shows the report marked ready by its rapporteur', async () => {
    expect(await amina.locator('[data-countdown="ahead"]').innerText()).toMatch(/Closing session in \d d \d\d h/)
    await amina.locator('[data-ready-toggle]').click()
    expect(await amina.locator('[data-report-ready]').getAttribute('data-report-ready')).toBe('true')
    const badge = card.locator('[data-ready]')
    await expect.poll(() => badge.getAttribute('data-ready'), { timeout: LIVE_WITHIN_MS }).toBe('true')

    const screenshot = process.env['RAPPORTEUR_REPORT_SCREENSHOT']
    if (screenshot) await amina.screenshot({ path: screenshot, clip: { x: 0, y: 0, width: 1280, height: 900 } })
  })

  it('opens the report read-only and live from its card, with carets, and comes back', async () => {
    await card.locator('[data-watch-report]').click()
    await chair.waitForURL((url) => url.pathname === `/report/${roundtable.id}`)
    await chair.locator('[data-connection="connected"]').waitFor({ timeout: 30_000 })
    expect(await sectionEditor(chair, 'challenges').getAttribute('contenteditable')).toBe('false')
    await expect.poll(() => chair.locator('[data-report-ready="true"]').count()).toBe(1)
    expect(await chair.locator('[data-ready-toggle]').count()).toBe(0)

    await sectionEditor(amina, 'challenges').click()
    await amina.keyboard.press('End')
    await amina.keyboard.type(' and family reunion.')
    await expect.poll(() => sectionText(chair, 'challenges')).toBe('Visa costs block regional mobility and family reunion.')
    await expect.poll(() => caretNames(chair, 'challenges')).toEqual(['Amina'])

    await chair.locator('[data-back-to-dashboard]').click()
    await chair.waitForURL((url) => url.pathname === `/events/${roundtable.eventId}/dashboard`)
    await expect.poll(() => sectionCell(card, 'challenges').getAttribute('data-words')).toBe('8')
  })

  it('shows the demo event’s report with its progress, quotes and flags', async () => {
    const demo = await findDemoRoundtable(suite.server.url)
    const extra = await createRoundtableInEvent(suite.server.url, demo.eventId, 'Climate, disasters and displacement')
    const bruno = await openReport(await newContext(), suite.server.url, extra.id, 'Bruno')
    await sectionEditor(bruno, 'summary').click()
    await bruno.keyboard.type('Early warning systems save lives. ')

    const demoChair = await openDashboard(await newContext(), suite.server.url, demo.eventId, 'Chair Kofi')
    const demoCard = roundtableCard(demoChair, demo.id)
    await demoCard.waitFor()
    expect(await sectionCell(demoCard, 'summary').getAttribute('data-state')).toBe('substantial')
    expect(Number(await demoCard.locator('[data-quotes]').getAttribute('data-quotes'))).toBeGreaterThan(0)
    // Nobody writes the demo report: the chair is told no rapporteur is there.
    await demoCard.locator('[data-flag="no-rapporteur"]').waitFor()
    await expect.poll(() => roundtableCard(demoChair, extra.id).locator('[data-present-name="Bruno"]').count()).toBe(1)

    const screenshot = process.env['RAPPORTEUR_DASHBOARD_SCREENSHOT']
    if (screenshot) await demoChair.screenshot({ path: screenshot, fullPage: true })
  })
})
