// After one visit the app works with no network at all: reload offline, run
// a whole session, and find it in the history.
import { expect, test } from './support/index.js';
import { FAST, answerByKeys, finishFirstRun, waitForCheckIn } from './flows.js';

test('after one visit, a whole session runs offline', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto(FAST);
  await finishFirstRun(page);
  // The service worker has precached the app once it controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible();
  await page.getByRole('button', { name: 'Start session' }).click();
  await waitForCheckIn(page, 10);
  await answerByKeys(page, ['4', '5']);
  for (let set = 1; set <= 3; set++) {
    await waitForCheckIn(page, 20, 'Where did you feel that set?');
    await answerByKeys(page, ['4', '5', 'e']);
  }
  await expect(page.getByRole('heading', { name: 'Both glutes woke up' })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('listitem').first()).toContainText('Both glutes woke up');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
});
