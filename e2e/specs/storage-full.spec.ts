// Storage running out mid-session, in a real Chromium: once IndexedDB refuses
// writes with QuotaExceededError, the person is told plainly, with what is
// kept; nothing logged before is lost, and after a reload (space freed) the
// session resumes where its stored log ends.
import { expect, test } from '../support/index.js';
import { FAST, finishFirstRun, latestSessionLog } from '../flows.js';

test('when the device runs out of storage the person is told, and what was stored is kept', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(FAST);
  await finishFirstRun(page);
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByTestId('rep')).toHaveText(/^[3-9]$/, { timeout: 20_000 });

  // The disk is full from now on: every new row is refused.
  await page.evaluate(() => {
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const alert = page.getByRole('alert').filter({ hasText: 'This device is out of storage' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('Everything you logged before stays on this device.');
  const kept = await latestSessionLog(page);
  expect(kept.length).toBeGreaterThan(3);

  // Space freed (a new page load has the real IndexedDB again): resume from the stored log.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume session' })).toBeVisible();
  expect(await latestSessionLog(page)).toEqual(kept);
});
