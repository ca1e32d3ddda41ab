import { expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { signInAsOrganizer } from '../signIn.js'

describeInBrowser('events and roundtables pages', (suite) => {
  it('creates an event and a roundtable from the pages, then opens its report', async () => {
    const context = await suite.browser.newContext()
    const page = await signInAsOrganizer(context, suite.server.url)
    expect(new URL(page.url()).pathname).toBe('/')
    await page.locator('[data-list="events"] a', { hasText: 'Demo conference' }).waitFor()

    await page.locator('form input[name="title"]').fill('Migration week')
    await page.locator('form input[name="closingAt"]').fill('2030-12-07T15:30')
    await page.locator('form button[type="submit"]').click()
    await page.waitForURL(/\/events\/[a-z0-9]+$/)
    await expect.poll(() => page.locator('h1').innerText()).toBe('Migration week')

    const roundtableForm = page.locator('form[aria-labelledby="create-roundtable-title"]')
    await roundtableForm.locator('input[name="title"]').fill('Labour mobility')
    await roundtableForm.locator('button[type="submit"]').click()
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
