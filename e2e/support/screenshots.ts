// Screenshots of a page at a phone size and a desktop size, saved as
// test-results/screens/<name>-390x844.png and <name>-1280x800.png and attached
// to the test. Invariant: the page gets its original viewport back afterwards.
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';

export const screenSizes = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

export async function screenshotBoth(page: Page, name: string): Promise<string[]> {
  const info = test.info();
  const screensDir = join(info.project.outputDir, 'screens');
  const original = page.viewportSize();
  const saved: string[] = [];
  for (const size of screenSizes) {
    await page.setViewportSize(size);
    const path = join(screensDir, `${name}-${size.width}x${size.height}.png`);
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    await info.attach(`${name}-${size.width}x${size.height}`, { path, contentType: 'image/png' });
    saved.push(path);
  }
  if (original !== null) await page.setViewportSize(original);
  return saved;
}
