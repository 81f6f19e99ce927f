// Two people in one browser, in a real Chromium against the real server:
// Ana joins and signs out, then practises before she syncs again; Ben joins
// in the same browser and syncs only his own; when Ana signs in again, her
// waiting session goes up as hers, and never as Ben's. While it waits,
// deleting the browser's data says it would lose it.
import { expect, screenshotBoth, test } from '../support/index.js';
import { dataStatus, exportFileOf, importText, openYourData } from '../support/data-flows.js';
import { inviteClient, signedInOwner } from '../support/clinic.js';
import { fortnightOfPractice, renamed } from '../support/history-fixture.js';
import { FAST, finishFirstRun } from '../flows.js';
import type { APIRequestContext, Page } from '@playwright/test';

const SYNCED = "Synced. Everything is saved on your clinic's server.";
const syncState = (page: Page) => page.locator('.sync-state');

async function join(page: Page, link: string, email: string): Promise<string> {
  await page.goto(link);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Choose a password/).fill('squeeze the pillow gently');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(syncState(page)).toHaveText(SYNCED, { timeout: 20_000 });
  return ((await (await page.request.get('/api/me')).json()) as { id: string }).id;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'I already have an account' })).toBeVisible();
}

async function sessionIdsOf(owner: APIRequestContext, clientId: string): Promise<string[]> {
  const response = await owner.get(`/api/clients/${clientId}/sessions`);
  expect(response.ok(), await response.text()).toBe(true);
  const { sessions } = (await response.json()) as { sessions: { sessionId: string }[] };
  return sessions.map((session) => session.sessionId).sort();
}

test('a session waiting for one person goes up as theirs after someone else used the browser', async ({
  page,
  baseURL,
  pageProblems,
}) => {
  test.setTimeout(90_000);
  const owner = await signedInOwner(baseURL ?? '');
  const [forAna, forBen] = [
    await inviteClient(owner, 'Ana Silva'),
    await inviteClient(owner, 'Ben Carter'),
  ];
  const fortnight = fortnightOfPractice();
  const stamp = Date.now();
  const anasEmail = `ana-${stamp}@example.com`;

  await page.goto(FAST);
  await finishFirstRun(page);
  const ana = await join(page, forAna.link, anasEmail);
  await signOut(page);

  // Ana practises while signed out: her session waits on this device.
  const anasSession = renamed(fortnight[0], `ana-${stamp}`);
  await openYourData(page);
  await importText(page, exportFileOf([anasSession]));
  await expect(dataStatus(page)).toContainText('Added 1 session.');
  await page.getByRole('button', { name: 'Delete all data' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(
    `${anasSession.events.length} events are waiting for the account that signed out here. Sign in again to send them, or they will be lost.`,
  );
  await page.getByRole('button', { name: 'Keep my data' }).click();
  await page.evaluate(() => (location.hash = '#/account'));
  await expect(syncState(page)).toHaveText(
    `${anasSession.events.length} events waiting. Sign in again to send them; nothing is lost.`,
  );

  // Ben joins in the same browser: Ana's session is not his to send, or to count.
  const ben = await join(page, forBen.link, `ben-${stamp}@example.com`);
  const bensSession = renamed(fortnight[1], `ben-${stamp}`);
  await openYourData(page);
  await importText(page, exportFileOf([bensSession]));
  await expect(dataStatus(page)).toContainText('Added 1 session.');
  await page.evaluate(() => (location.hash = '#/account'));
  await expect(syncState(page)).toHaveText(SYNCED, { timeout: 20_000 });

  // Deleting this browser's data now would lose Ana's waiting session: the question says so.
  await openYourData(page);
  await page.getByRole('button', { name: 'Delete all data' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(
    `${anasSession.events.length} events of someone else who signed in here have not been sent yet, and would be lost.`,
  );
  await expect(confirm).not.toContainText('your clinic');
  await screenshotBoth(page, 'your-data-delete-confirm-unsent');
  await confirm.getByRole('button', { name: 'Keep my data' }).click();
  await page.evaluate(() => (location.hash = '#/account'));
  await signOut(page);

  // Ana signs in again: her waiting session goes up, as hers.
  await page.getByLabel('Email').fill(anasEmail);
  await page.getByLabel('Password').fill('squeeze the pillow gently');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByText('Signed in as Ana Silva, with Riverside Movement Clinic.'),
  ).toBeVisible();
  await expect(syncState(page)).toHaveText(SYNCED, { timeout: 20_000 });
  await screenshotBoth(page, 'account-second-person-synced');

  expect(await sessionIdsOf(owner, ana)).toEqual([anasSession.sessionId]);
  expect(await sessionIdsOf(owner, ben)).toEqual([bensSession.sessionId]);
  await owner.dispose();
  expect(pageProblems.uncaughtErrors).toEqual([]);
  expect(pageProblems.cspViolations).toEqual([]);
});
