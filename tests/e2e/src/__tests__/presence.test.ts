import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable, type RoundtableRecord } from '../rapporteurApi.js'
import { connectionState, openReport, sectionEditor } from '../reportPage.js'

/** Names on the carets other people see inside one section. */
function caretNames(page: Page, sectionId: string): Promise<string[]> {
  return page.locator(`[data-section="${sectionId}"] .collaboration-carets__label`).allInnerTexts()
}

describeInBrowser('presence, carets and the connection indicator', (suite) => {
  let roundtable: RoundtableRecord
  let aminaContext: BrowserContext
  let brunoContext: BrowserContext
  let amina: Page
  let bruno: Page

  beforeAll(async () => {
    roundtable = await createRoundtable(suite.server.url, 'Presence')
    aminaContext = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })
    brunoContext = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })
    amina = await openReport(aminaContext, suite.server.url, roundtable.id, 'Amina')
    bruno = await openReport(brunoContext, suite.server.url, roundtable.id, 'Bruno')
  })

  it('lists each person with the section they work in', async () => {
    const aminaOnBrunosPage = bruno.locator('[data-presence-name="Amina"]')
    await aminaOnBrunosPage.waitFor()
    expect(await aminaOnBrunosPage.innerText()).toContain('Reading')

    await sectionEditor(amina, 'challenges').click()
    await expect.poll(() => aminaOnBrunosPage.innerText()).toContain('2. Challenges')
    await expect.poll(() => amina.locator('[data-presence-name="Bruno"]').count()).toBe(1)
  })

  it('shows a named caret only in the section it is in, while others type elsewhere', async () => {
    await sectionEditor(amina, 'challenges').click()
    await amina.keyboard.type('Lack of data. ')
    await sectionEditor(bruno, 'summary').click()
    await bruno.keyboard.type('Corridors matter. ')

    // Amina's other editors receive Bruno's edits while unfocused: they must not clear her caret.
    await expect.poll(() => caretNames(bruno, 'challenges')).toEqual(['Amina'])
    await expect.poll(() => caretNames(amina, 'summary')).toEqual(['Bruno'])
    expect(await caretNames(bruno, 'summary')).toEqual([])
    expect(await caretNames(amina, 'challenges')).toEqual([])
    await expect.poll(() => bruno.locator('.collaboration-carets__label').count()).toBe(1)

    const screenshot = process.env['RAPPORTEUR_SCREENSHOT']
    if (screenshot) {
      await bruno.evaluate(() => window.scrollTo(0, 0))
      await bruno.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1300 } })
    }
  })

  it('reads offline when the browser is offline, then connected again', async () => {
    expect(await connectionState(bruno)).toBe('connected')
    await brunoContext.setOffline(true)
    await expect.poll(() => connectionState(bruno)).toBe('offline')
    await brunoContext.setOffline(false)
    await expect.poll(() => connectionState(bruno), { timeout: 20_000 }).toBe('connected')
  })

  it('reads reconnecting when the server goes away', async () => {
    expect(await connectionState(amina)).toBe('connected')
    await suite.server.close()
    await expect.poll(() => connectionState(amina), { timeout: 20_000 }).toBe('reconnecting')
  })
})
