import { expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'

describeInBrowser('events and roundtables pages', (suite) => {
  it('creates an event and a roundtable from the pages, then opens its report', async () => {
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    await page.goto(`${suite.server.url}/?name=Organiser`)
    await page.locator('[data-list="events"] a', { hasText: 'Demo conference' }).waitFor()

    await page.locator('form input[name="title"]').fill('Migration week')
    await page.locator('form input[name="closingAt"]').fill('2030-12-07T15:30')
    await page.locator('form button[type="submit"]').click()
    await page.waitForURL(/\/events\/[a-z0-9]+$/)
    await expect.poll(() => page.locator('h1').innerText()).toBe('Migration week')

    await page.locator('form input[name="title"]').fill('Labour mobility')
    await page.locator('form button[type="submit"]').click()
    const reportLink = page.locator('[data-list="roundtables"] a', { hasText: 'Labour mobility' })
    await reportLink.click()
    await page.waitForURL(/\/report\/[a-z0-9]+$/)
    await page.locator('[data-connection="connected"]').waitFor()
    await expect.poll(() => page.locator('[data-meta="title"]').inputValue()).toBe('Labour mobility')

    await page.goBack()
    await expect.poll(() => page.locator('h1').innerText()).toBe('Migration week')
    await context.close()
  })
})
