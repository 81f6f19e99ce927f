// Joining a therapist and syncing, in a real Chromium against the real
// server: someone with two weeks of practice on their device (and no
// account) opens the invitation link, joins, and everything syncs; offline,
// new sessions wait and the app says how many; back online they go; when the
// account is disabled the app says to sign in again and keeps the queue.
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from '../support/index.js';
import { dataStatus, exportFileOf, importText, openYourData } from '../support/data-flows.js';
import { disableAccount, inviteClient, signedInOwner } from '../support/clinic.js';
import { fortnightOfPractice, renamed } from '../support/history-fixture.js';
import { FAST, finishFirstRun } from '../flows.js';
import type { Page } from '@playwright/test';

const syncState = (page: Page) => page.locator('.sync-state');

/** The device id and event count this device holds, read from IndexedDB. */
async function deviceLog(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ deviceId: string; events: number }>((resolve, reject) => {
        const open = indexedDB.open('glutewake');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['sync', 'events']);
          const link = tx.objectStore('sync').get('link');
          const count = tx.objectStore('events').count();
          tx.oncomplete = () =>
            resolve({
              deviceId: (link.result as { deviceId: string }).deviceId,
              events: count.result,
            });
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('a client with local history joins by invitation link, syncs, and keeps a queue offline', async ({
  page,
  context,
  baseURL,
  pageProblems,
}) => {
  test.setTimeout(90_000);
  const owner = await signedInOwner(baseURL ?? '');
  const fortnight = fortnightOfPractice();
  const firstWeek = fortnight.slice(0, 6);

  // A week of practice on this device, with no account.
  await page.goto(FAST);
  await finishFirstRun(page);
  await openYourData(page);
  await importText(page, exportFileOf(firstWeek));
  await expect(dataStatus(page)).toContainText(`Added ${firstWeek.length} sessions.`);

  // The link the therapist sent; the code leaves the address bar at once.
  const { link } = await inviteClient(owner, 'Sam Okafor');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Join your therapist' })).toBeVisible();
  await expect(
    page.getByText('Dana Reyes at Riverside Movement Clinic invited you.'),
  ).toBeVisible();
  expect(page.url()).not.toContain('code=');
  await expect(page.getByLabel('Your name')).toHaveValue('Sam Okafor');
  await page.getByLabel('Email').fill(`sam-${Date.now()}@example.com`);
  await page.getByLabel(/^Choose a password/).fill('squeeze the pillow gently');
  await expect(page.getByLabel('All my sessions, also those from before I joined')).toBeChecked();
  await screenshotBoth(page, 'join-invitation');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Join' }).click();

  await expect(page.getByRole('heading', { name: 'Your therapist', level: 1 })).toBeVisible();
  await expect(
    page.getByText('Signed in as Sam Okafor, with Riverside Movement Clinic.'),
  ).toBeVisible();
  await expect(syncState(page)).toHaveText("Synced. Everything is saved on your clinic's server.", {
    timeout: 20_000,
  });
  const synced = await deviceLog(page);
  const status = await page.request.get(`/api/sync/status?deviceId=${synced.deviceId}`);
  expect(await status.json()).toEqual({ deviceId: synced.deviceId, nextSeq: synced.events + 1 });
  await screenshotBoth(page, 'account-synced');
  await expectNoSeriousA11yViolations(page);

  // Offline: the next sessions wait, and the app says how many.
  await context.setOffline(true);
  const secondWeek = fortnight.slice(6);
  await openYourData(page);
  await importText(page, exportFileOf(secondWeek));
  await expect(dataStatus(page)).toContainText(`Added ${secondWeek.length} sessions.`);
  const waiting = (await deviceLog(page)).events - synced.events;
  await page.evaluate(() => (location.hash = '#/account'));
  await expect(syncState(page)).toHaveText(`${waiting} events waiting to be sent.`, {
    timeout: 20_000,
  });
  await expect(page.getByText(/^Last try: The server cannot be reached right now/)).toBeVisible();
  await expect(page.getByText(/^You are offline\. Everything keeps working here/)).toBeVisible();
  await screenshotBoth(page, 'account-offline-queue');

  // Back online, they go.
  await context.setOffline(false);
  await expect(
    page.getByText('Signed in as Sam Okafor, with Riverside Movement Clinic.'),
  ).toBeVisible();
  await expect(syncState(page)).toHaveText("Synced. Everything is saved on your clinic's server.", {
    timeout: 20_000,
  });
  const after = await page.request.get(`/api/sync/status?deviceId=${synced.deviceId}`);
  expect(((await after.json()) as { nextSeq: number }).nextSeq).toBe(synced.events + waiting + 1);

  // The clinic disables the account: the queue waits for a sign-in, nothing is lost.
  const me = (await (await page.request.get('/api/me')).json()) as { id: string };
  await disableAccount(owner, me.id);
  const later = renamed(fortnight.at(-1) ?? firstWeek[0], 'after-disabling');
  await openYourData(page);
  await importText(page, exportFileOf([later]));
  await expect(dataStatus(page)).toContainText('Added 1 session.');
  await page.evaluate(() => (location.hash = '#/account'));
  await expect(page.getByRole('heading', { name: 'I already have an account' })).toBeVisible();
  await expect(syncState(page)).toHaveText(
    `${later.events.length} events waiting. Sign in again to send them; nothing is lost.`,
  );
  await owner.dispose();
  expect(pageProblems.uncaughtErrors).toEqual([]);
  expect(pageProblems.cspViolations).toEqual([]);
});
