// Owning your data, in a real Chromium with real IndexedDB: sessions survive
// export -> delete all -> import, and the second export is the same file
// byte for byte; importing into a device that already has
// some of the same sessions merges them without duplicates; a bad file is
// refused in plain words; the CSV tables have the documented headers.
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from '../support/index.js';
import {
  dataStatus,
  deleteAllData,
  documentedColumns,
  downloadBy,
  exportFileOf,
  importText,
  openYourData,
} from '../support/data-flows.js';
import { fortnightOfPractice } from '../support/history-fixture.js';
import { allSessionLogs } from '../support/ladder-flows.js';
import { FAST, answerByKeys, finishFirstRun, waitForCheckIn } from '../flows.js';

const EXPORT_NAME = /^glutewake-export-\d{4}-\d{2}-\d{2}\.json$/;

test('export, delete all, import, export again: the same file, byte for byte', async ({
  page,
  pageProblems,
}) => {
  const fortnight = fortnightOfPractice();
  await page.goto(FAST);
  await finishFirstRun(page);
  await openYourData(page);
  await importText(page, exportFileOf(fortnight.slice(-3)));
  await expect(dataStatus(page)).toContainText('Added 3 sessions.');

  const first = await downloadBy(page, 'Export everything');
  expect(first.name).toMatch(EXPORT_NAME);
  const document = JSON.parse(first.text) as {
    sessions: { sessionId: string; events: { type: string }[] }[];
    preferences: { preferences?: { firstRunDone?: boolean } };
  };
  expect(document.sessions.map((s) => s.sessionId)).toEqual(
    fortnight.slice(-3).map((s) => s.sessionId),
  );
  expect(document.preferences.preferences?.firstRunDone).toBe(true);
  expect(first.text).toContain('"note": "Felt both sides <evenly> today, \\"finally\\"."');
  expect(first.text.endsWith('}\n')).toBe(true);

  await deleteAllData(page);
  expect(await allSessionLogs(page)).toEqual([]);

  await importText(page, first.text, first.name);
  await expect(dataStatus(page)).toContainText('Added 3 sessions.');
  await expect(page.getByText('3 sessions on this device.')).toBeVisible();
  const second = await downloadBy(page, 'Export everything');
  expect(second.bytes.equals(first.bytes)).toBe(true);

  // Imported sessions are sessions like any other: they show in the history.
  await page.evaluate(() => (location.hash = '#/history'));
  await expect(page.getByRole('listitem')).toHaveCount(3);
  expect(pageProblems.uncaughtErrors).toEqual([]);
  expect(pageProblems.cspViolations).toEqual([]);
});

test('a session recorded in the app survives export, delete all and import', async ({ page }) => {
  // The runner stamps whole milliseconds, so a log recorded here passes the
  // event schema on import (and on sync).
  test.setTimeout(90_000);
  await page.goto(FAST);
  await finishFirstRun(page);
  await page.getByRole('button', { name: 'Start session' }).click();
  await waitForCheckIn(page, 10);
  await answerByKeys(page, ['4', '5']);
  await page.getByRole('button', { name: 'Stop session' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, stop' }).click();
  await expect(page.getByRole('heading', { name: 'Session stopped' })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByLabel('A note for yourself (optional)').fill('Both "woke"; =SUM(1) <b>ok</b>');
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible();

  await openYourData(page);
  const first = await downloadBy(page, 'Export everything');
  expect(first.text).toContain('"note": "Both \\"woke\\"; =SUM(1) <b>ok</b>"');
  await deleteAllData(page);
  await importText(page, first.text, first.name);
  await expect(dataStatus(page)).toContainText('Added 1 session.', { timeout: 3_000 });
  const second = await downloadBy(page, 'Export everything');
  expect(second.bytes.equals(first.bytes)).toBe(true);
});

test('importing merges with what the device has: no duplicates, the device copy wins', async ({
  page,
  pageProblems,
}) => {
  test.setTimeout(60_000);
  const fortnight = fortnightOfPractice();
  const sixth = fortnight[5];
  if (!sixth) throw new Error('the fixture has fewer than six sessions');
  await page.goto(FAST);
  await finishFirstRun(page);
  await openYourData(page);

  // This device already has five sessions and the first half of a sixth.
  const half = { ...sixth, events: sixth.events.slice(0, Math.ceil(sixth.events.length / 2)) };
  await importText(page, exportFileOf([...fortnight.slice(0, 5), half]));
  await expect(dataStatus(page)).toContainText('Added 6 sessions.');

  // The whole fortnight, from another device, listed newest first.
  const whole = exportFileOf([...fortnight].reverse(), { earlyUnlocks: [] });
  await importText(page, whole);
  const merged = `Added ${fortnight.length - 6} sessions, brought 1 session up to date, 5 were already here.`;
  await expect(dataStatus(page)).toContainText(merged);
  await expect(page.getByText(`${fortnight.length} sessions on this device.`)).toBeVisible();
  await screenshotBoth(page, 'your-data-after-import');
  await expectNoSeriousA11yViolations(page);

  // Again: nothing new. Then a copy where one session differs: it is kept as it was.
  await importText(page, whole);
  await expect(dataStatus(page)).toContainText(`${fortnight.length} were already here.`);
  const changed = structuredClone(fortnight);
  const event = changed[2]?.events[4] as { at: number } | undefined;
  if (event) event.at += 1;
  await importText(page, exportFileOf(changed));
  await expect(dataStatus(page)).toContainText(
    `${fortnight.length - 1} were already here, 1 differs and was kept as it was.`,
  );

  const logs = await allSessionLogs(page);
  expect(logs.map((log) => log[0]?.sessionId)).toEqual(fortnight.map((s) => s.sessionId));
  for (const [i, log] of logs.entries()) {
    expect(log.map((row) => row.index)).toEqual(log.map((_, index) => index));
    expect(log.map((row) => row.event)).toEqual(fortnight[i]?.events);
  }
  expect(pageProblems.uncaughtErrors).toEqual([]);
});

test('a file that is not right is refused in plain words, and nothing changes', async ({
  page,
}) => {
  const [session] = fortnightOfPractice();
  if (!session) throw new Error('the fixture is empty');
  await page.goto(FAST);
  await finishFirstRun(page);
  await openYourData(page);

  await importText(page, '{"format": "glutewake-export", "version": 2, "sessions": []}');
  await expect(dataStatus(page)).toContainText('made by a newer Glutewake (format version 2)');

  const broken = structuredClone(session);
  const rep = broken.events.findIndex((event) => event.type === 'rep.completed');
  Object.assign(broken.events[rep] ?? {}, { rep: 0 });
  await importText(page, exportFileOf([broken]));
  await expect(dataStatus(page)).toContainText(
    'This file could not be imported. Nothing was changed.',
  );
  await expect(dataStatus(page)).toContainText(
    `sessions[0].events[${rep}].rep must be a whole number between 1 and 500`,
  );
  await screenshotBoth(page, 'your-data-refused');
  await importText(page, 'not json at all');
  await expect(dataStatus(page)).toContainText('the file is not valid JSON');
  await expect(page.getByText('There are no sessions on this device yet.')).toBeVisible();
  expect(await allSessionLogs(page)).toEqual([]);
});

test('the CSV tables have the documented headers and one row per thing', async ({ page }) => {
  const fortnight = fortnightOfPractice();
  await page.goto(FAST);
  await finishFirstRun(page);
  await openYourData(page);
  await importText(page, exportFileOf(fortnight));
  await expect(dataStatus(page)).toContainText(`Added ${fortnight.length} sessions.`);

  const tables = [
    ['Sessions table', 'sessions'],
    ['Check-ins table', 'checkins'],
    ['Symptoms table', 'symptoms'],
  ] as const;
  for (const [button, table] of tables) {
    const file = await downloadBy(page, new RegExp(`^${button}`));
    expect(file.name).toMatch(new RegExp(`^glutewake-${table}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = file.text.slice(1).split('\r\n');
    expect(header?.split(',')).toEqual(await documentedColumns(`${table}.csv`));
    expect(rows.at(-1)).toBe('');
    if (table === 'sessions') expect(rows).toHaveLength(fortnight.length + 1);
    if (table === 'symptoms') expect(rows).toHaveLength(fortnight.length * 2 + 1);
  }
  const sessions = await downloadBy(page, /^Sessions table/);
  // The note from the fixture's last session, quoted as RFC 4180 wants it.
  expect(sessions.text).toContain('"Felt both sides <evenly> today, ""finally""."');
});

test('deleting everything asks first, and keeping the data changes nothing', async ({ page }) => {
  await page.goto(FAST);
  await finishFirstRun(page);
  await page.evaluate(() => (location.hash = '#/settings'));
  await screenshotBoth(page, 'settings-with-data-links');
  await page.getByRole('link', { name: 'Your data' }).click();
  await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
  await importText(page, exportFileOf(fortnightOfPractice().slice(0, 2)));
  await expect(dataStatus(page)).toContainText('Added 2 sessions.');
  await page.getByRole('button', { name: 'Delete all data' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Delete 2 sessions and your settings from this device?');
  await screenshotBoth(page, 'your-data-delete-confirm');
  await confirm.getByRole('button', { name: 'Keep my data' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByText('2 sessions on this device.')).toBeVisible();

  await deleteAllData(page);
  // Settings went too: the app starts afresh with its guide.
  await page.evaluate(() => (location.hash = '#/'));
  await expect(page.getByRole('heading', { name: 'Sleepy glutes' })).toBeVisible();
});
