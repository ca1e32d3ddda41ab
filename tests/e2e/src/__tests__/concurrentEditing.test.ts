import { expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable } from '../rapporteurApi.js'
import { openReport, sectionEditor, sectionText } from '../reportPage.js'

describeInBrowser('two people typing into the same section at the same time', (suite) => {
  it('converges on one text holding both people’s words, which survives a server restart', async () => {
    const first = suite.server
    const roundtable = await createRoundtable(first.url, 'Concurrent typing')
    // Separate contexts: pages in one context could sync over BroadcastChannel without the server.
    const aminaContext = await suite.browser.newContext()
    const brunoContext = await suite.browser.newContext()
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
    const restarted = await suite.restartServer()
    const carlaContext = await suite.browser.newContext()
    const carla = await openReport(carlaContext, restarted.url, roundtable.id, 'Carla')
    await expect.poll(() => sectionText(carla, 'summary'), { timeout: 20_000 }).toBe(converged)
    await carlaContext.close()
  })
})
