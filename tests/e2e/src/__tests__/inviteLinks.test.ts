import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser } from '../describeInBrowser.js'
import { createRoundtable, type RoundtableRecord } from '../rapporteurApi.js'
import { sectionEditor } from '../reportPage.js'
import { signInAsOrganizer } from '../signIn.js'

describeInBrowser('invite links made by the organizer', (suite) => {
  let roundtable: RoundtableRecord
  let organizerContext: BrowserContext
  let organizer: Page
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    roundtable = await createRoundtable(suite.server.url, 'Invite links')
    organizerContext = await suite.browser.newContext({ viewport: { width: 1280, height: 1000 } })
    await organizerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url })
    organizer = await signInAsOrganizer(organizerContext, suite.server.url)
    await organizer.goto(`${suite.server.url}/events/${roundtable.eventId}`)
    await organizer.locator('[data-role="organizer"]').waitFor()
  })

  afterAll(async () => {
    for (const context of [organizerContext, ...contexts]) await context?.close()
  })

  /** Creates an invite in the organizer's UI and returns the URL it showed (and copied). */
  async function createInviteInUi(panel: ReturnType<Page['locator']>, role: string | null, label: string): Promise<string> {
    if (role !== null) await panel.locator(`input[type="radio"][value="${role}"]`).check()
    await panel.locator('input[name="label"]').fill(label)
    await panel.locator('button[type="submit"]').click()
    const url = await panel.locator('[data-invite-url]').inputValue()
    expect(url).toMatch(new RegExp(`^${suite.server.url}/invite#rpi_`))
    await panel.locator('[data-copy-invite]').click()
    await panel.locator('[data-copy-outcome]').waitFor()
    return url
  }

  async function openInNewContext(url: string, name: string): Promise<Page> {
    const context = await suite.browser.newContext()
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(url)
    await page.locator('input[name="displayName"]').fill(name)
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click()
    await page.waitForURL((target) => target.pathname !== '/invite')
    expect(await page.evaluate(() => location.hash)).toBe('')
    return page
  }

  it('signs a rapporteur in from a copied link, and revoking it closes their report at once', async () => {
    const item = organizer.locator(`[data-roundtable="${roundtable.id}"]`)
    await item.locator('[data-invites-toggle]').click()
    const panel = item.locator(`[data-invites="${roundtable.id}"]`)
    const url = await createInviteInUi(panel, 'rapporteur', 'Amina')
    const copied = await organizer.evaluate(() => navigator.clipboard.readText()).catch(() => null)
    if (copied !== null) expect(copied).toBe(url)

    const row = panel.locator('[data-invite-row]', { hasText: 'Amina' })
    await expect.poll(() => row.getAttribute('data-invite-status')).toBe('active')

    const screenshot = process.env['RAPPORTEUR_INVITES_SCREENSHOT']
    if (screenshot) await organizer.screenshot({ path: screenshot, fullPage: true })

    const amina = await openInNewContext(url, 'Amina')
    expect(new URL(amina.url()).pathname).toBe(`/report/${roundtable.id}`)
    await amina.locator('[data-connection="connected"]').waitFor()
    await expect.poll(() => amina.locator('[data-role="rapporteur"]').count()).toBe(1)
    await sectionEditor(amina, 'summary').click()
    await amina.keyboard.type('Written by Amina.')

    await row.locator('[data-revoke]').click()
    await row.locator('[data-revoke-confirm]').click()
    await expect.poll(() => row.getAttribute('data-invite-status')).toBe('revoked')
    await expect
      .poll(() => amina.locator('[data-connection-closed]').innerText().catch(() => ''), { timeout: 5_000 })
      .toContain('Your invite was revoked')
    expect(await amina.locator('[data-connection]').getAttribute('data-connection')).toBe('closed')
    expect(await sectionEditor(amina, 'summary').getAttribute('contenteditable')).toBe('false')
  })

  it('signs the chair in to the event dashboard, where every report reads live but nothing can be created', async () => {
    const panel = organizer.locator('[data-chair-invites]')
    const url = await createInviteInUi(panel, null, 'Chair Bo')
    await panel.locator('[data-invite-row]', { hasText: 'Chair Bo' }).waitFor()

    const chair = await openInNewContext(url, 'Bo')
    expect(new URL(chair.url()).pathname).toBe(`/events/${roundtable.eventId}/dashboard`)
    const link = chair.locator('[data-roundtable-card] a', { hasText: 'Invite links' })
    await link.waitFor()
    expect(await chair.locator('form').count()).toBe(0)
    expect(await chair.locator('[data-invites-toggle]').count()).toBe(0)

    await link.click()
    await chair.locator('[data-connection="connected"]').waitFor()
    await expect.poll(() => chair.locator('[data-read-only]').count()).toBe(1)
    expect(await sectionEditor(chair, 'summary').getAttribute('contenteditable')).toBe('false')
  })
})
