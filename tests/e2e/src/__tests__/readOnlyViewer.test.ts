import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable, type RoundtableRecord } from '../rapporteurApi.js'
import { openReport, sectionEditor, sectionText } from '../reportPage.js'

describeInBrowser('a viewer reads the report and cannot change it', (suite) => {
  let roundtable: RoundtableRecord
  let contexts: BrowserContext[]
  let amina: Page
  let vera: Page
  const summary = 'Corridors between neighbouring countries matter most.'

  beforeAll(async () => {
    roundtable = await createRoundtable(suite.server.url, 'Read-only viewer')
    contexts = [await suite.browser.newContext(), await suite.browser.newContext()]
    amina = await openReport(contexts[0]!, suite.server.url, roundtable.id, 'Amina')
    await sectionEditor(amina, 'summary').click()
    await amina.keyboard.type(summary)
    vera = await openReport(contexts[1]!, suite.server.url, roundtable.id, 'Vera', 'viewer')
    await sectionEditor(vera, 'summary').filter({ hasText: summary }).waitFor()
  })

  afterAll(async () => {
    for (const context of contexts ?? []) await context.close()
  })

  it('shows the viewer the report without editing controls', async () => {
    await expect.poll(() => vera.locator('[data-role="viewer"]').count()).toBe(1)
    expect(await sectionEditor(vera, 'summary').getAttribute('contenteditable')).toBe('false')
    expect(await vera.locator('[role="toolbar"]').count()).toBe(0)
    expect(await vera.locator('[data-meta="title"]').getAttribute('readonly')).not.toBeNull()
    expect(await vera.locator('[data-section="quotes"] button').count()).toBe(0)
    expect(await sectionEditor(amina, 'summary').getAttribute('contenteditable')).toBe('true')
  })

  it('lists the viewer in the rapporteur’s “who is here”', async () => {
    const veraOnAminasPage = amina.locator('[data-presence-name="Vera"]')
    await veraOnAminasPage.waitFor()
    expect(await veraOnAminasPage.getAttribute('data-presence-role')).toBe('viewer')
  })

  it('changes nothing when the viewer types, even past the read-only inputs', async () => {
    await sectionEditor(vera, 'summary').click()
    await vera.keyboard.type('Viewer words ')
    const veraTitle = vera.locator('[data-meta="title"]')
    await veraTitle.click()
    await vera.keyboard.type('Viewer title ')
    expect(await sectionText(vera, 'summary')).toBe(summary)
    expect(await veraTitle.inputValue()).toBe('Read-only viewer')

    // A page that bypasses its own read-only UI still writes into its local copy and sends the
    // update: the server must drop it.
    await veraTitle.evaluate((input) => input.removeAttribute('readonly'))
    await veraTitle.fill('Rewritten by the viewer')
    expect(await veraTitle.inputValue()).toBe('Rewritten by the viewer')

    // Barrier: an awareness change sent after the update reaches Amina only once the server has
    // handled (and dropped) everything Vera sent before it.
    await vera.locator('.presence button', { hasText: 'Change my name' }).click()
    await vera.locator('.presence input[name="displayName"]').fill('Vera (viewer)')
    await vera.locator('.presence button[type="submit"]').click()
    await amina.locator('[data-presence-name="Vera (viewer)"]').waitFor()
    expect(await amina.locator('[data-meta="title"]').inputValue()).toBe('Read-only viewer')
    expect(await sectionText(amina, 'summary')).toBe(summary)

    const freshContext = await suite.browser.newContext()
    const fresh = await openReport(freshContext, suite.server.url, roundtable.id, 'Carla')
    await expect.poll(() => sectionText(fresh, 'summary')).toBe(summary)
    expect(await fresh.locator('[data-meta="title"]').inputValue()).toBe('Read-only viewer')
    await freshContext.close()
  })
})
