import type { BrowserContext, Locator, Page } from 'playwright-core'
import { createRoundtableInvite } from './rapporteurApi.js'
import { signIn } from './signIn.js'

/**
 * Signs `context` in through a new invite link for the roundtable (rapporteur by default) as `name`,
 * lands on the report, and waits until it is connected and synced.
 */
export async function openReport(
  context: BrowserContext,
  baseUrl: string,
  roundtableId: string,
  name: string,
  role: 'rapporteur' | 'viewer' = 'rapporteur',
): Promise<Page> {
  const invite = await createRoundtableInvite(baseUrl, roundtableId, role)
  const page = await signIn(context, baseUrl, invite.token, name)
  if (new URL(page.url()).pathname !== `/report/${roundtableId}`) throw new Error(`Signed in at ${page.url()}, not the report`)
  await page.locator('[data-connection="connected"]').waitFor({ timeout: 30_000 })
  return page
}

/** The section's editable body. */
export function sectionEditor(page: Page, sectionId: string): Locator {
  return page.locator(`[data-section="${sectionId}"] .ProseMirror`)
}

/**
 * The section's text, one line per paragraph, without co-authors' caret labels (which are part of
 * the editor's DOM but not of the document).
 */
export function sectionText(page: Page, sectionId: string): Promise<string> {
  return sectionEditor(page, sectionId).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return Array.from(copy.querySelectorAll('p'))
      .map((paragraph) => paragraph.textContent ?? '')
      .join('\n')
  })
}

export function connectionState(page: Page): Promise<string | null> {
  return page.locator('[data-connection]').getAttribute('data-connection')
}

/** The texts of the section's top-level bullet points, without caret labels. */
export function sectionBullets(page: Page, sectionId: string): Promise<string[]> {
  return sectionEditor(page, sectionId).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return Array.from(copy.querySelectorAll(':scope > ul > li')).map((item) => item.textContent ?? '')
  })
}
