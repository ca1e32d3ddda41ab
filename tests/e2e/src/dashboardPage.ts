import type { BrowserContext, Locator, Page } from 'playwright-core'
import { createChairInvite } from './rapporteurApi.js'
import { signIn } from './signIn.js'

/**
 * Signs `context` in as the event's chair through a new invite link, which lands on the event's
 * dashboard, and waits until its live feed delivered the first snapshot.
 */
export async function openDashboard(context: BrowserContext, baseUrl: string, eventId: string, name: string): Promise<Page> {
  const invite = await createChairInvite(baseUrl, eventId)
  const page = await signIn(context, baseUrl, invite.token, name)
  const expected = `/events/${eventId}/dashboard`
  if (new URL(page.url()).pathname !== expected) throw new Error(`Signed in at ${page.url()}, not ${expected}`)
  await page.locator('[data-feed="live"]').waitFor({ timeout: 30_000 })
  return page
}

/** One roundtable's card on the dashboard. */
export function roundtableCard(page: Page, roundtableId: string): Locator {
  return page.locator(`[data-roundtable-card="${roundtableId}"]`)
}

/** A section's cell in a card's strip: `data-state` and `data-words` carry its figures. */
export function sectionCell(card: Locator, sectionId: string): Locator {
  return card.locator(`[data-section-cell="${sectionId}"]`)
}
