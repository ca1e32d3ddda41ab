import type { Download, Page } from 'playwright-core'

/** Clicks the link and waits for the browser's download it starts; resolves with the download and its file path. */
export async function downloadLink(page: Page, selector: string): Promise<{ download: Download; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()])
  const file = await download.path()
  return { download, file }
}
