import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable } from '../rapporteurApi.js'
import { openReport, sectionBullets, sectionEditor } from '../reportPage.js'

describeInBrowser('bullets, header fields and quotes shared between two people', (suite) => {
  let contexts: BrowserContext[]
  let amina: Page
  let bruno: Page

  beforeAll(async () => {
    const roundtable = await createRoundtable(suite.server.url, 'Structured fields')
    contexts = [await suite.browser.newContext(), await suite.browser.newContext()]
    amina = await openReport(contexts[0]!, suite.server.url, roundtable.id, 'Amina')
    bruno = await openReport(contexts[1]!, suite.server.url, roundtable.id, 'Bruno')
  })

  it('turns "- " into a bullet point that the other person sees as a bullet', async () => {
    await sectionEditor(amina, 'challenges').click()
    await amina.keyboard.type('- Lack of reliable data')
    await amina.keyboard.press('Enter')
    await amina.keyboard.type('Weak coordination')
    await expect.poll(() => sectionBullets(bruno, 'challenges')).toEqual(['Lack of reliable data', 'Weak coordination'])
  })

  it('shares header fields without moving the caret of someone typing in the same field', async () => {
    const aminaTitle = amina.locator('[data-meta="title"]')
    const brunoTitle = bruno.locator('[data-meta="title"]')
    await expect.poll(() => brunoTitle.inputValue()).toBe('Structured fields')

    await aminaTitle.click()
    await amina.keyboard.press('Home')
    await brunoTitle.click()
    await bruno.keyboard.press('End')
    await bruno.keyboard.type(' (day 2)')
    await expect.poll(() => aminaTitle.inputValue()).toBe('Structured fields (day 2)')
    await amina.keyboard.type('Draft: ')
    await expect.poll(() => brunoTitle.inputValue()).toBe('Draft: Structured fields (day 2)')
  })

  it('shares quotes and attributes them by the consent chosen', async () => {
    await amina.locator('[data-section="quotes"] button', { hasText: 'Add a quote' }).click()
    const aminaQuote = amina.locator('[data-section="quotes"] [data-quote-index="0"]')
    await aminaQuote.locator('textarea[name="text"]').fill('Mobility is a new paradigm.')
    await aminaQuote.locator('input[name="speaker"]').fill('Dr. Example')
    await aminaQuote.locator('input[name="affiliation"]').fill('Example Institute')
    await aminaQuote.locator('input[name="description"]').fill('researcher')

    const brunoQuote = bruno.locator('[data-section="quotes"] [data-quote-index="0"]')
    await expect.poll(() => brunoQuote.locator('textarea[name="text"]').inputValue()).toBe('Mobility is a new paradigm.')
    await expect.poll(() => brunoQuote.locator('[data-attribution]').innerText()).toContain('Anonymous')
    expect(await brunoQuote.locator('[data-attribution]').innerText()).not.toContain('Dr. Example')

    await aminaQuote.locator('input[type="radio"][value="approved"]').check()
    await expect.poll(() => brunoQuote.locator('[data-attribution]').innerText()).toContain('Dr. Example')
    expect(await brunoQuote.locator('input[type="radio"][value="approved"]').isChecked()).toBe(true)
  })
})
