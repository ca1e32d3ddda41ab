import type { RunningServer } from '@rapporteur/server'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../launchChromium.js'
import { createRoundtable } from '../rapporteurApi.js'
import { openReport, sectionEditor, sectionText } from '../reportPage.js'
import { createDataDir, removeDataDir, startRapporteur } from '../startRapporteur.js'

describe('two people typing into the same section at the same time', () => {
  let browser: Browser
  let dataDir: string
  let server: RunningServer | undefined

  beforeAll(async () => {
    dataDir = createDataDir()
    server = await startRapporteur(dataDir)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    removeDataDir(dataDir)
  })

  it('converges on one text holding both people’s words, which survives a server restart', async () => {
    const first = server!
    const roundtable = await createRoundtable(first.url, 'Concurrent typing')
    // Separate contexts: pages in one context could sync over BroadcastChannel without the server.
    const aminaContext = await browser.newContext()
    const brunoContext = await browser.newContext()
    const amina = await openReport(aminaContext, first.url, roundtable.id, 'Amina')
    const bruno = await openReport(brunoContext, first.url, roundtable.id, 'Bruno')

    await sectionEditor(amina, 'summary').click()
    await sectionEditor(bruno, 'summary').click()
    const aminaWords = 'Amina notes that regional corridors matter.'
    const brunoWords = 'Bruno adds that data sharing is weak.'
    await Promise.all([
      amina.keyboard.type(aminaWords, { delay: 25 }),
      bruno.keyboard.type(brunoWords, { delay: 30 }),
    ])

    await expect
      .poll(async () => {
        const [seenByAmina, seenByBruno] = await Promise.all([sectionText(amina, 'summary'), sectionText(bruno, 'summary')])
        return seenByAmina === seenByBruno ? seenByAmina : `different: ${seenByAmina} | ${seenByBruno}`
      }, { timeout: 20_000, interval: 200 })
      .toSatisfy((text: string) => text.includes(aminaWords) && text.includes(brunoWords))
    const converged = await sectionText(amina, 'summary')

    await aminaContext.close()
    await brunoContext.close()
    await first.close()
    server = undefined

    server = await startRapporteur(dataDir)
    const carlaContext = await browser.newContext()
    const carla = await openReport(carlaContext, server.url, roundtable.id, 'Carla')
    await expect.poll(() => sectionText(carla, 'summary'), { timeout: 20_000 }).toBe(converged)
    await carlaContext.close()
  })
})
