import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable, type RoundtableRecord } from '../rapporteurApi.js'
import { openReport, sectionEditor, sectionText } from '../reportPage.js'

describeInBrowser('versions of a report: save, view, restore', (suite) => {
  let roundtable: RoundtableRecord
  let contexts: BrowserContext[]
  let amina: Page
  let bo: Page
  const draft = 'Corridors between neighbouring countries matter most.'
  const rewrite = ' Later thoughts.'

  beforeAll(async () => {
    roundtable = await createRoundtable(suite.server.url, 'Versions in the browser')
    contexts = [await suite.browser.newContext(), await suite.browser.newContext()]
    amina = await openReport(contexts[0]!, suite.server.url, roundtable.id, 'Amina')
    bo = await openReport(contexts[1]!, suite.server.url, roundtable.id, 'Bo')
    await sectionEditor(amina, 'summary').click()
    await amina.keyboard.type(draft)
    await sectionEditor(bo, 'summary').filter({ hasText: draft }).waitFor()
  })

  afterAll(async () => {
    for (const context of contexts ?? []) await context.close()
  })

  it('saves a named version and shows its content read-only', async () => {
    await amina.locator('[data-version-name]').fill('First draft')
    await amina.locator('[data-version-save]').click()
    const item = amina.locator('[data-version-kind="manual"]', { hasText: 'First draft' })
    await item.waitFor()
    await item.locator('[data-version-view]').click()
    const viewer = amina.locator('[data-version-viewer]')
    await viewer.locator('[data-version-section="summary"]', { hasText: draft }).waitFor()
    expect(await viewer.locator('[contenteditable]').count()).toBe(0)
    await viewer.locator('[data-version-close]').click()
  })

  it('restores the version as a change the other editor receives', async () => {
    await sectionEditor(amina, 'summary').click()
    await amina.keyboard.press('End')
    await amina.keyboard.type(rewrite)
    await sectionEditor(bo, 'summary').filter({ hasText: rewrite.trim() }).waitFor()

    await amina.locator('[data-version-kind="manual"]', { hasText: 'First draft' }).locator('[data-version-view]').click()
    await amina.locator('[data-version-restore]').click()
    await amina.locator('[data-version-restore-yes]').click()
    await amina.locator('[data-version-restored]').waitFor()

    await expect.poll(() => sectionText(bo, 'summary')).toBe(draft)
    await expect.poll(() => sectionText(amina, 'summary')).toBe(draft)
    await amina.locator('[data-version-kind="restore"]').waitFor()
  })
})
