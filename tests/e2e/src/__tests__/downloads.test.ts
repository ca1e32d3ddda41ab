import { readFileSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { roundtableReportTemplate } from '@rapporteur/template'
import { openDashboard } from '../dashboardPage.js'
import { describeInBrowser } from '../describeInBrowser.js'
import { downloadLink } from '../downloadLink.js'
import { createRoundtable, createRoundtableInEvent, type RoundtableRecord } from '../rapporteurApi.js'
import { readDocxText } from '../readDocxText.js'
import { openReport, sectionEditor } from '../reportPage.js'

const SENTENCE = 'Visas for researchers take eleven weeks on average.'
const QUOTE = 'Mobility is how the South builds its future.'
const SPEAKER = 'Oluwaseun Whitcombe-Ferreira'
const AFFILIATION = 'Directorate of Unnamed Affairs'
const DESCRIPTION = 'West African ministry'

describeInBrowser('downloads of a report and of the compiled closing report', (suite) => {
  const contexts: BrowserContext[] = []
  let roundtable: RoundtableRecord
  let second: RoundtableRecord
  let rapporteur: Page

  const newContext = async (): Promise<BrowserContext> => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    contexts.push(context)
    return context
  }

  beforeAll(async () => {
    roundtable = await createRoundtable(suite.server.url, 'Downloads roundtable')
    second = await createRoundtableInEvent(suite.server.url, roundtable.eventId, 'Second roundtable')
    rapporteur = await openReport(await newContext(), suite.server.url, roundtable.id, 'Amina')
    await sectionEditor(rapporteur, 'summary').click()
    await rapporteur.keyboard.type(SENTENCE)
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
  })

  it('flags a pending quote to the rapporteur and explains that only approved names the speaker', async () => {
    const section = rapporteur.locator('[data-section="quotes"]')
    const guidance = roundtableReportTemplate.sections.find((each) => each.id === 'quotes')?.guidance ?? ''
    expect(guidance).not.toBe('')
    expect(await section.locator('[data-quotes-guidance]').innerText()).toContain(guidance.split('.')[0])
    await section.locator('button', { hasText: 'Add a quote' }).click()
    const quote = section.locator('[data-quote-index="0"]')
    expect(await quote.getAttribute('data-consent')).toBe('anonymous')
    expect(await quote.locator('input[type="radio"][value="anonymous"]').isChecked()).toBe(true)
    expect(await quote.locator('.quote__consent').innerText()).toContain('Only Approved shows the speaker’s name')
    expect(await quote.locator('[data-consent-flag]').count()).toBe(0)
    await quote.locator('textarea[name="text"]').fill(QUOTE)
    await quote.locator('input[name="speaker"]').fill(SPEAKER)
    await quote.locator('input[name="affiliation"]').fill(AFFILIATION)
    await quote.locator('input[name="description"]').fill(DESCRIPTION)
    await quote.locator('[data-consent-choice="pending"] input').check()
    await expect.poll(() => quote.getAttribute('data-consent')).toBe('pending')
    expect(await quote.locator('[data-consent-flag="pending"]').innerText()).toBe('Consent pending — shown as Anonymous everywhere until approved')
    expect(await section.locator('[data-pending-quotes]').getAttribute('data-pending-quotes')).toBe('1')
    expect(await quote.locator('[data-attribution]').innerText()).toContain(`Anonymous (${DESCRIPTION})`)
  })

  it("downloads the report's DOCX from the report page: template headings, the typed sentence, the pending quote as Anonymous", async () => {
    // The download reads the server's copy: wait until the server has the quote (its Markdown export shows it).
    await expect
      .poll(async () => {
        const href = (await rapporteur.locator('[data-report-export] [data-export-format="md"]').getAttribute('href')) ?? ''
        return rapporteur.evaluate((url) => fetch(url).then((response) => response.text()), href)
      })
      .toContain(QUOTE)
    const { download, file } = await downloadLink(rapporteur, '[data-report-export] [data-export-format="docx"]')
    expect(download.suggestedFilename()).toBe('downloads-roundtable.docx')
    const lines = readDocxText(file).split('\n')
    const headings = roundtableReportTemplate.sections.map((section, index) => lines.indexOf(`${index + 1}. ${section.title}`))
    expect(headings.every((at) => at > 0)).toBe(true)
    expect(headings).toEqual([...headings].sort((a, b) => a - b))
    expect(lines).toContain(SENTENCE)
    expect(lines.indexOf(SENTENCE)).toBeGreaterThan(headings[0] ?? Infinity)
    expect(lines).toContain(`“${QUOTE}”`)
    expect(lines).toContain(`— Anonymous (${DESCRIPTION})`)
    const text = lines.join('\n')
    expect(text).not.toContain('Whitcombe')
    expect(text).not.toContain('Unnamed Affairs')
  })

  it('downloads the compiled closing report (Markdown and DOCX) from the dashboard, with every roundtable and no pending name', async () => {
    const chair = await openDashboard(await newContext(), suite.server.url, roundtable.eventId, 'Chair Ada')
    await chair.locator('[data-closing-report]').waitFor()

    const markdown = await downloadLink(chair, '[data-closing-report] [data-export-format="md"]')
    expect(markdown.download.suggestedFilename()).toBe('e2e-downloads-roundtable-closing-report.md')
    const text = readFileSync(markdown.file, 'utf8')
    expect(text).toMatch(/^# E2E Downloads roundtable — closing report\n/)
    expect(text).toContain('## Contents\n\n1. Downloads roundtable _(not ready)_\n2. Second roundtable _(not ready)_')
    expect(text.indexOf('## 1. Downloads roundtable')).toBeLessThan(text.indexOf('## 2. Second roundtable'))
    expect(text).toContain('### 1. Summary / main discussion points')
    expect(text).toContain(SENTENCE)
    expect(text).toContain(`> — Anonymous (${DESCRIPTION})`)
    expect(text).not.toMatch(/Whitcombe|Unnamed Affairs/)

    const docx = await downloadLink(chair, '[data-closing-report] [data-export-format="docx"]')
    expect(docx.download.suggestedFilename()).toBe('e2e-downloads-roundtable-closing-report.docx')
    const lines = readDocxText(docx.file).split('\n')
    expect(lines[0]).toBe('E2E Downloads roundtable — closing report')
    expect(lines).toContain('1. Downloads roundtable (not ready)')
    expect(lines).toContain('2. Second roundtable')
    expect(lines).toContain(SENTENCE)
    expect(lines).toContain(`— Anonymous (${DESCRIPTION})`)
    expect(lines.join('\n')).not.toMatch(/Whitcombe|Unnamed Affairs/)
  })

  it("shows the chair one section across all roundtables, live, with a picker; and flags the pending quote in the chair's report view", async () => {
    const chair = await openDashboard(await newContext(), suite.server.url, roundtable.eventId, 'Chair Bo')
    await chair.locator('[data-section-across-link]').click()
    await chair.waitForURL((url) => url.pathname === `/events/${roundtable.eventId}/sections/summary`)
    const content = chair.locator('[data-section-content]')
    await expect.poll(() => content.innerText()).toContain(SENTENCE)
    const titles = await content.locator('h2').allInnerTexts()
    expect(titles.map((title) => title.replace(/\s*\(.*\)$/, ''))).toEqual(['1. Downloads roundtable', '2. Second roundtable'])

    // Live enough: a sentence typed in the second roundtable appears without reloading the page.
    const other = await openReport(await newContext(), suite.server.url, second.id, 'Bilal')
    await sectionEditor(other, 'summary').click()
    await other.keyboard.type('Pensions should follow workers.')
    await expect.poll(() => content.innerText(), { timeout: 20_000 }).toContain('Pensions should follow workers.')
    const text = await content.innerText()
    expect(text.indexOf(SENTENCE)).toBeLessThan(text.indexOf('Pensions should follow workers.'))

    await chair.locator('[data-section-step="next"]').click()
    await chair.waitForURL((url) => url.pathname.endsWith('/sections/challenges'))
    await expect.poll(() => chair.locator('[data-section-across]').getAttribute('data-section-across')).toBe('challenges')
    expect(await content.innerText()).not.toContain(SENTENCE)

    await chair.locator('[data-section-picker] select').selectOption('quotes')
    await chair.waitForURL((url) => url.pathname.endsWith('/sections/quotes'))
    await expect.poll(() => content.innerText()).toContain(QUOTE)
    expect(await content.innerText()).toContain(`Anonymous (${DESCRIPTION})`)
    expect(await chair.locator('body').innerText()).not.toMatch(/Whitcombe|Unnamed Affairs/)

    await chair.goto(`${suite.server.url}/report/${roundtable.id}`)
    const quote = chair.locator('[data-section="quotes"] [data-quote-index="0"]')
    await expect.poll(() => quote.getAttribute('data-consent'), { timeout: 20_000 }).toBe('pending')
    expect(await quote.locator('[data-consent-flag="pending"]').innerText()).toContain('Consent pending')
    expect(await quote.locator('[data-attribution]').innerText()).toBe(`— Anonymous (${DESCRIPTION})`)
  })
})
