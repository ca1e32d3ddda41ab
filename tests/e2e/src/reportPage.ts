import type { BrowserContext, Locator, Page } from 'playwright-core'

/** Opens the report as `name` (`?name=` skips the name prompt) and waits until it is connected and synced. */
export async function openReport(context: BrowserContext, baseUrl: string, roundtableId: string, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${baseUrl}/report/${roundtableId}?name=${encodeURIComponent(name)}`)
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
