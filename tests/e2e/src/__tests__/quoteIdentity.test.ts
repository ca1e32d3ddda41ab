import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable } from '../rapporteurApi.js'
import { openReport } from '../reportPage.js'

/** What a page shows of its quotes, in order: id, fields and consent. */
function quotesOn(page: Page): Promise<{ id: string; text: string; speaker: string; consent: string }[]> {
  return page.locator('[data-section="quotes"] [data-quote-id]').evaluateAll((items) =>
    items.map((item) => ({
      id: item.getAttribute('data-quote-id') ?? '',
      text: item.querySelector<HTMLTextAreaElement>('textarea[name="text"]')?.value ?? '',
      speaker: item.querySelector<HTMLInputElement>('input[name="speaker"]')?.value ?? '',
      consent: item.getAttribute('data-consent') ?? '',
    })),
  )
}

/** The same value on both pages, or a note saying they differ (for `expect.poll`). */
async function seenByBoth<T>(pages: readonly [Page, Page], read: (page: Page) => Promise<T>): Promise<T | string> {
  const [first, second] = await Promise.all(pages.map(read))
  return JSON.stringify(first) === JSON.stringify(second) ? (first as T) : `different: ${JSON.stringify(first)} | ${JSON.stringify(second)}`
}

/**
 * Relays the context's collaboration sockets through the test, so that what the server sends can be held back:
 * while held, the page keeps working (and sending) on what it saw last, as over a slow network.
 */
async function holdableSockets(context: BrowserContext): Promise<{ hold(): void; release(): void }> {
  let held: (() => void)[] | null = null
  await context.routeWebSocket(/\/collab/, (page) => {
    const server = page.connectToServer()
    page.onMessage((message) => server.send(message))
    server.onMessage((message) => {
      if (held === null) page.send(message)
      else held.push(() => page.send(message))
    })
  })
  return {
    hold: () => {
      held ??= []
    },
    release: () => {
      const waiting = held ?? []
      held = null
      waiting.forEach((send) => send())
    },
  }
}

describeInBrowser('quotes and header fields addressed by identity, edited by two people at once', (suite) => {
  let contexts: BrowserContext[]
  let amina: Page
  let bruno: Page
  let brunoSockets: { hold(): void; release(): void }
  let removedId = ''
  let editedId = ''
  const quote = (page: Page, id: string): Locator => page.locator(`[data-section="quotes"] [data-quote-id="${id}"]`)

  beforeAll(async () => {
    const roundtable = await createRoundtable(suite.server.url, 'Quote identity')
    contexts = [await suite.browser.newContext(), await suite.browser.newContext()]
    brunoSockets = await holdableSockets(contexts[1]!)
    amina = await openReport(contexts[0]!, suite.server.url, roundtable.id, 'Amina')
    bruno = await openReport(contexts[1]!, suite.server.url, roundtable.id, 'Bruno')
  })

  afterAll(async () => {
    for (const context of contexts ?? []) await context.close()
  })

  it('keeps both people’s words when they type into the same header field at the same time', async () => {
    const aminaTitle = amina.locator('[data-meta="title"]')
    const brunoTitle = bruno.locator('[data-meta="title"]')
    await expect.poll(() => brunoTitle.inputValue()).toBe('Quote identity')
    await aminaTitle.click()
    await amina.keyboard.press('End')
    await brunoTitle.click()
    await bruno.keyboard.press('Home')
    await Promise.all([amina.keyboard.type(' — notes by Amina', { delay: 25 }), bruno.keyboard.type('Draft by Bruno: ', { delay: 30 })])
    await expect
      .poll(() => seenByBoth([amina, bruno], (page) => page.locator('[data-meta="title"]').inputValue()), { timeout: 20_000 })
      .toBe('Draft by Bruno: Quote identity — notes by Amina')

    // Both at one place: each person's words stay in one piece.
    const aminaRapporteurs = amina.locator('[data-meta="rapporteurs"]')
    const brunoRapporteurs = bruno.locator('[data-meta="rapporteurs"]')
    await aminaRapporteurs.click()
    await brunoRapporteurs.click()
    await Promise.all([amina.keyboard.type('Amina Diallo', { delay: 25 }), bruno.keyboard.type('Bruno Costa', { delay: 30 })])
    await expect
      .poll(() => seenByBoth([amina, bruno], (page) => page.locator('[data-meta="rapporteurs"]').inputValue()), { timeout: 20_000 })
      .toSatisfy((value: string) => value.length === 23 && value.includes('Amina Diallo') && value.includes('Bruno Costa'))
  })

  it('applies an edit and a consent to the quote the person saw while another quote is removed', async () => {
    const quotes = (page: Page) => page.locator('[data-section="quotes"]')
    await quotes(amina).locator('button', { hasText: 'Add a quote' }).click()
    await expect.poll(async () => (await quotesOn(bruno)).length).toBe(1)
    const [first] = await quotesOn(amina)
    await quote(amina, first!.id).locator('textarea[name="text"]').fill('Corridors matter most.')
    await quote(amina, first!.id).locator('input[name="speaker"]').fill('Amina’s speaker')

    await quotes(bruno).locator('button', { hasText: 'Add a quote' }).click()
    await expect.poll(async () => (await quotesOn(amina)).length).toBe(2)
    const second = (await quotesOn(bruno))[1]!
    await quote(bruno, second.id).locator('textarea[name="text"]').fill('Data sharing is weak.')
    removedId = first!.id
    editedId = second.id
    const before = [
      { id: first!.id, text: 'Corridors matter most.', speaker: 'Amina’s speaker', consent: 'anonymous' },
      { id: second.id, text: 'Data sharing is weak.', speaker: '', consent: 'anonymous' },
    ]
    await expect.poll(() => seenByBoth([amina, bruno], quotesOn)).toEqual(before)

    // Bruno's page does not see the removal before he edits: his quote is now the first, not the second.
    brunoSockets.hold()
    await quote(amina, first!.id).locator('button', { hasText: 'Remove quote' }).click()
    await expect.poll(async () => (await quotesOn(amina)).length).toBe(1)
    const brunoText = quote(bruno, second.id).locator('textarea[name="text"]')
    await brunoText.click()
    await bruno.keyboard.press('End')
    await bruno.keyboard.type(' Across borders.')
    await quote(bruno, second.id).locator('[data-consent-choice="approved"] input').check()
    expect(await quotesOn(bruno)).toHaveLength(2)
    brunoSockets.release()

    const after = [{ id: second.id, text: 'Data sharing is weak. Across borders.', speaker: '', consent: 'approved' }]
    await expect.poll(() => seenByBoth([amina, bruno], quotesOn), { timeout: 20_000 }).toEqual(after)
    expect(await amina.locator('[data-meta="title"]').inputValue()).toBe('Draft by Bruno: Quote identity — notes by Amina')
    expect(await quote(amina, second.id).locator('input[name="affiliation"]').inputValue()).toBe('')
    expect(await quote(amina, second.id).locator('input[name="description"]').inputValue()).toBe('')
  })

  it('brings the removed quote back, with its id and words, on Ctrl+Z', async () => {
    await amina.keyboard.press('Control+z')
    await expect
      .poll(() => seenByBoth([amina, bruno], quotesOn), { timeout: 20_000 })
      .toEqual([
        { id: removedId, text: 'Corridors matter most.', speaker: 'Amina’s speaker', consent: 'anonymous' },
        { id: editedId, text: 'Data sharing is weak. Across borders.', speaker: '', consent: 'approved' },
      ])
    // Undo is the person's own: Bruno's edit and consent stay.
    expect(await amina.locator('[data-meta="title"]').inputValue()).toBe('Draft by Bruno: Quote identity — notes by Amina')
  })
})
