// Screenshots of a page at a phone size and a desktop size, saved as
// test-results/screens/<name>-390x844.png and <name>-1280x800.png and attached
// to the test. Each size is also checked to fit its width: nothing may make
// the whole page scroll sideways (a wide table scrolls inside its own box).
// Invariant: the page gets its original viewport back afterwards.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

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
    expect(
      await sidewaysOverflow(page),
      `${name} at ${size.width}px is wider than the screen`,
    ).toEqual([]);
    await info.attach(`${name}-${size.width}x${size.height}`, { path, contentType: 'image/png' });
    saved.push(path);
  }
  if (original !== null) await page.setViewportSize(original);
  return saved;
}

/** The outermost elements that reach past the page's right edge, outside any box that scrolls them. */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const clipsSideways = (element: Element) =>
      ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(element).overflowX);
    const name = (element: Element) =>
      [element.tagName.toLowerCase(), ...element.classList].join('.');
    const culprits: string[] = [];
    const visit = (element: Element) => {
      if (element.getBoundingClientRect().right > width + 1) {
        const inner = [...element.children].filter(
          (child) => child.getBoundingClientRect().right > width + 1,
        );
        if (inner.length === 0 || clipsSideways(element)) {
          culprits.push(name(element));
          return;
        }
        inner.forEach(visit);
        return;
      }
      if (!clipsSideways(element)) [...element.children].forEach(visit);
    };
    visit(document.body);
    // An absolutely placed element escapes a scrolling box that is not its containing block.
    const escaped = [...document.querySelectorAll('body *')]
      .filter((element) => ['absolute', 'fixed'].includes(getComputedStyle(element).position))
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .map((element) => `${name(element)} (placed absolutely)`);
    const found = [...culprits, ...escaped];
    return found.length > 0
      ? found
      : [`the page is ${document.documentElement.scrollWidth}px wide`];
  });
}
