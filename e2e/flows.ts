// Steps a person takes in the app, shared by the end-to-end specs: the
// first-run guide, starting a session, answering check-ins by keys or on the
// body map, and reading the device's session log out of IndexedDB.
import { expect, type Page } from '@playwright/test';

/** Fast sessions for tests: every duration x0.02, but 6 s to answer a check-in. */
export const FAST = '/?timescale=0.02&answerTimeoutSeconds=300';

export async function finishFirstRun(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sleepy glutes' })).toBeVisible();
  for (let step = 1; step < 4; step++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: "I'm ready" }).click();
  await expect(page.getByRole('button', { name: 'Start session' })).toBeVisible();
}

export function checkIn(page: Page, title = 'Where do you feel it?') {
  return page.getByRole('dialog', { name: title });
}

/** Waits for the coach's check-in after `rep` (a wake-up rep, or the last rep of a set). */
export async function waitForCheckIn(page: Page, rep: number, title?: string): Promise<void> {
  await expect(checkIn(page, title)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.rep-compact')).toContainText(`Rep ${rep}`);
}

/** Answers as someone who cannot see the screen: no control focused, just keys. */
export async function answerByKeys(page: Page, keys: string[]): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
}

export async function answerOnBodyMap(
  page: Page,
  regions: RegExp[],
  title?: string,
): Promise<void> {
  const dialog = checkIn(page, title);
  for (const region of regions) await dialog.getByRole('button', { name: region }).click();
  await dialog.getByRole('button', { name: 'Send answer' }).click();
}

export interface LoggedEvent {
  index: number;
  seq: number;
  event: { type: string; phase?: string; set?: number | null; rep?: number };
}

/** The device's log for the most recent session, read straight from IndexedDB. */
export async function latestSessionLog(page: Page): Promise<LoggedEvent[]> {
  return page.evaluate(
    () =>
      new Promise<LoggedEvent[]>((resolve, reject) => {
        const open = indexedDB.open('glutewake');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('events').objectStore('events').getAll();
          read.onsuccess = () => {
            const rows = read.result as (LoggedEvent & { sessionId: string })[];
            const last = rows[rows.length - 1]?.sessionId;
            resolve(rows.filter((row) => row.sessionId === last));
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

/** Every rep appears once, in order, and the log's indexes run 0..n-1. */
export function expectNoGapNoDuplicate(log: LoggedEvent[]): void {
  expect(log.map((row) => row.index)).toEqual(log.map((_, i) => i));
  const reps = log
    .filter((row) => row.event.type === 'rep.completed')
    .map((row) => `${row.event.phase}/${row.event.set ?? '-'}/${row.event.rep}`);
  expect(new Set(reps).size).toBe(reps.length);
  const work = (set: number) =>
    log
      .filter((row) => row.event.type === 'rep.completed' && row.event.set === set)
      .map((row) => row.event.rep);
  for (const set of [1, 2, 3]) {
    const done = work(set);
    expect(done).toEqual(done.map((_, i) => i + 1));
  }
}
