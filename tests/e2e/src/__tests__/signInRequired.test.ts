import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable, type RoundtableRecord } from '../rapporteurApi.js'
import { openReport } from '../reportPage.js'

describeInBrowser('signing in', (suite) => {
  let roundtable: RoundtableRecord
  let context: BrowserContext

  beforeAll(async () => {
    roundtable = await createRoundtable(suite.server.url, 'Sign in')
    context = await suite.browser.newContext()
  })

  afterAll(async () => {
    await context?.close()
  })

  it('asks an unauthenticated visitor of a report to sign in with their invite link', async () => {
    const page = await context.newPage()
    await page.goto(`${suite.server.url}/report/${roundtable.id}?name=Stranger`)
    await expect.poll(() => page.locator('[data-sign-in-required]').innerText()).toContain('Sign in with your invite link')
    expect(await page.locator('[data-section]').count()).toBe(0)
    expect(await page.locator('[data-connection]').count()).toBe(0)
    await page.close()
  })

  it('says why an unknown invite link does not work', async () => {
    const page = await context.newPage()
    await page.goto(`${suite.server.url}/invite#rpi_thisTokenWasNeverIssued0000000000000000000`)
    const notice = page.locator('[data-invite-error]')
    await expect.poll(() => notice.innerText()).toContain('This invite link does not work')
    expect(await page.evaluate(() => localStorage.getItem('rapporteur.token'))).toBeNull()
    await page.close()
  })

  it('keeps a rapporteur to their one report, and forgets the token on sign-out', async () => {
    const page = await openReport(context, suite.server.url, roundtable.id, 'Amina')
    expect(await page.locator('.breadcrumbs').count()).toBe(0)
    await page.goto(`${suite.server.url}/`)
    await page.locator('[data-assigned-report]').click()
    await page.waitForURL(new RegExp(`/report/${roundtable.id}$`))

    await page.locator('.session-badge button', { hasText: 'Sign out' }).click()
    await page.locator('[data-sign-in-required]').waitFor()
    expect(await page.evaluate(() => localStorage.getItem('rapporteur.token'))).toBeNull()
    await page.close()
  })
})
