// Every screen: no serious or critical axe-core violations, and every control
// reachable with the Tab key. Screenshots at phone and desktop size are saved
// for a person to look at (test-results/screens).
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from './support/index.js';
import { answerByKeys, waitForCheckIn } from './flows.js';

// Slower than the other specs' sessions, so a check-in waits a minute while it is examined.
const UNHURRIED = '/?timescale=0.1&answerTimeoutSeconds=600';

async function expectEveryControlReachableByKeyboard(page: Page): Promise<void> {
  const count = await page
    .locator(
      'button:visible:not([disabled]), a[href]:visible, select:visible:not([disabled]), input:visible:not([disabled]), textarea:visible',
    )
    .evaluateAll((elements) => {
      elements.forEach((element, index) =>
        element.setAttribute('data-keyboard-check', String(index)),
      );
      return elements.length;
    });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  for (let press = 0; press < count * 2 + 4; press++) {
    await page.keyboard.press('Tab');
    const mark = await page.evaluate(
      () => document.activeElement?.getAttribute('data-keyboard-check') ?? null,
    );
    if (mark !== null) reached.add(mark);
  }
  const missed = Array.from({ length: count }, (_, i) => String(i)).filter((i) => !reached.has(i));
  const names = await Promise.all(
    missed.map((i) =>
      page
        .locator(`[data-keyboard-check="${i}"]`)
        .first()
        .evaluate((el) => el.outerHTML.slice(0, 120)),
    ),
  );
  expect(names, 'controls the Tab key never reached').toEqual([]);
}

async function checkScreen(page: Page, name: string): Promise<void> {
  await expectNoSeriousA11yViolations(page);
  await expectEveryControlReachableByKeyboard(page);
  await screenshotBoth(page, name);
}

test('every screen is accessible and keyboard-reachable', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(UNHURRIED);
  for (let step = 1; step <= 4; step++) {
    await expect(page.getByText(`Step ${step} of 4`)).toBeVisible();
    await checkScreen(page, `welcome-${step}`);
    await page.getByRole('button', { name: step < 4 ? 'Next' : "I'm ready" }).click();
  }
  await checkScreen(page, 'home');

  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await checkScreen(page, 'settings');

  await page.goto(`${UNHURRIED}#/`);
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  await checkScreen(page, 'session-paused');
  await page.getByRole('button', { name: 'Resume' }).first().click();

  await waitForCheckIn(page, 10);
  await checkScreen(page, 'check-in');
  await answerByKeys(page, ['4', '5']);
  await waitForCheckIn(page, 20, 'Where did you feel that set?');
  await checkScreen(page, 'set-check-in');
  await answerByKeys(page, ['4', '5', 'e']);

  await page.getByRole('button', { name: 'Stop session' }).click();
  await page.getByRole('button', { name: 'Yes, stop' }).click();
  await expect(page.getByRole('heading', { name: 'Session stopped' })).toBeVisible();
  await checkScreen(page, 'end');
  await page.getByRole('button', { name: 'Save and finish' }).click();

  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
  await checkScreen(page, 'history');
});
