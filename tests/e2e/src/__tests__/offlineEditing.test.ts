import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable } from '../rapporteurApi.js'
import { connectionState, openReport, sectionEditor, sectionText } from '../reportPage.js'

const savedState = (page: Page) => page.locator('[data-saved-state]').getAttribute('data-saved-state')

describeInBrowser('editing offline', (suite) => {
  it('keeps text typed offline across an offline reload and delivers it once back online', async () => {
    const roundtable = await createRoundtable(suite.server.url, 'Offline editing')
    // Separate contexts: each has its own network emulation, IndexedDB and service worker.
    const aminaContext = await suite.browser.newContext()
    const brunoContext = await suite.browser.newContext()
    try {
      const amina = await openReport(aminaContext, suite.server.url, roundtable.id, 'Amina')
      const bruno = await openReport(brunoContext, suite.server.url, roundtable.id, 'Bruno')
      // Leaving with unsaved changes asks first; the test reloads on purpose.
      amina.on('dialog', (dialog) => void dialog.accept())
      // The service worker must control the page (its precache complete) before the network goes away.
      await amina.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
      await amina.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 })
      await expect.poll(() => savedState(amina), { timeout: 10_000 }).toBe('saved')

      await aminaContext.setOffline(true)
      await expect.poll(() => connectionState(amina), { timeout: 10_000 }).toBe('offline')
      const words = 'Typed while the conference Wi-Fi was down.'
      await sectionEditor(amina, 'summary').click()
      await amina.keyboard.type(words, { delay: 10 })
      await expect.poll(() => savedState(amina), { timeout: 5_000 }).toBe('unsaved')
      await expect(amina.locator('[data-saved-state]').textContent()).resolves.toMatch(/^\d+ changes? not saved yet$/)

      await amina.reload()
      await expect.poll(() => sectionText(amina, 'summary'), { timeout: 20_000 }).toContain(words)
      expect(await connectionState(amina)).toBe('offline')
      // The reloaded page still knows those changes wait for the server.
      expect(await savedState(amina)).toBe('unsaved')
      // Nothing left the offline page: the co-author has not seen the words.
      expect(await sectionText(bruno, 'summary')).not.toContain(words)

      await aminaContext.setOffline(false)
      await expect.poll(() => connectionState(amina), { timeout: 20_000 }).toBe('connected')
      await expect.poll(() => savedState(amina), { timeout: 20_000 }).toBe('saved')
      await expect(amina.locator('[data-saved-state]').textContent()).resolves.toBe('All changes saved')
      await expect.poll(() => sectionText(bruno, 'summary'), { timeout: 20_000 }).toContain(words)
    } finally {
      await aminaContext.close()
      await brunoContext.close()
    }
  })
})
