import type { BrowserContext, Page } from 'playwright-core'
import { E2E_ADMIN_TOKEN } from './startRapporteur.js'

/**
 * Opens `/invite#<token>` in a new page of `context` as `name` (`?name=` skips the name prompt) and
 * waits until the app has stored the token and moved on from the invite page.
 */
export async function signIn(context: BrowserContext, baseUrl: string, token: string, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${baseUrl}/invite?name=${encodeURIComponent(name)}#${token}`)
  await page.waitForURL((url) => url.pathname !== '/invite', { timeout: 30_000 })
  return page
}

/** Signs `context` in as the organizer; the page ends on the events list. */
export function signInAsOrganizer(context: BrowserContext, baseUrl: string, name = 'Organiser'): Promise<Page> {
  return signIn(context, baseUrl, E2E_ADMIN_TOKEN, name)
}
