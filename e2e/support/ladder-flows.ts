// Steps a person takes on the progression ladder, for the end-to-end specs:
// opening the exercises screen, unlocking a rung early (after reading the
// caution) and starting it, with or without its short warm-up of ankle
// squeezes; a quick phone-size screenshot of a session while it runs; and
// reading every session's log out of IndexedDB.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * The exercises screen (by its route, so the URL's testing seams stay), then
 * the rung's card: a list item named after the exercise.
 */
export async function openRung(page: Page, name: string) {
  await page.evaluate(() => (location.hash = '#/exercises'));
  await expect(page.getByRole('heading', { name: 'Your exercises' })).toBeVisible();
  const rung = page.getByRole('listitem', { name });
  await expect(rung).toBeVisible();
  return rung;
}

/** Unlocks a locked rung early, as a person who has read the caution and chosen to go on. */
export async function unlockEarly(page: Page, name: string): Promise<void> {
  const rung = await openRung(page, name);
  await rung.getByRole('button', { name: 'Unlock early' }).click();
  await rung.getByRole('alertdialog').getByRole('button', { name: 'Unlock anyway' }).click();
  await expect(rung.getByText('Unlocked early')).toBeVisible();
}

/** Starts an open rung from its card; `withPreActivation` sets the warm-up box first. */
export async function startRung(
  page: Page,
  name: string,
  options: { withPreActivation: boolean },
): Promise<void> {
  const rung = page.getByRole('listitem', { name });
  const warmUp = rung.getByRole('checkbox', { name: /^Begin with \d+ ankle squeezes/ });
  await warmUp.setChecked(options.withPreActivation);
  await rung.getByRole('button', { name: `Start ${name.toLowerCase()}` }).click();
}

/**
 * One screenshot at the current (phone) viewport, saved as
 * test-results/screens/<name>-390x844.png and attached. Unlike screenshotBoth
 * it does not resize the page, so it is quick enough to take while a session
 * runs on the fast test clock (a check-in there times out after 6 s).
 */
export async function screenshotNow(page: Page, name: string): Promise<string> {
  const info = test.info();
  const size = page.viewportSize();
  const label = `${name}-${size?.width ?? 0}x${size?.height ?? 0}`;
  const path = join(info.project.outputDir, 'screens', `${label}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await info.attach(label, { path, contentType: 'image/png' });
  return path;
}

/**
 * Waits for the check-in that ends work set `set` (of `of`). The set's label
 * is checked before and after the dialog shows, so neither the previous set's
 * dialog (still closing) nor the next set's (after a time-out) passes for it.
 */
export async function waitForSetCheckIn(
  page: Page,
  set: number,
  of: number,
  reps: number,
  title: string,
): Promise<void> {
  const label = page.locator('#phase-label');
  await expect(label).toHaveText(`Set ${set} of ${of}`, { timeout: 20_000 });
  await expect(page.getByRole('dialog', { name: title })).toBeVisible({ timeout: 20_000 });
  await expect(label).toHaveText(`Set ${set} of ${of}`);
  await expect(page.locator('.rep-compact')).toContainText(`Rep ${reps}`);
}

/**
 * Waits, frame by frame, for the player's step label to match: on the fast
 * test clock a step lasts a few frames, too short for polling assertions.
 */
export async function waitForStep(page: Page, label: RegExp): Promise<void> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('.step-label')?.textContent ?? ''),
    label.source,
    { timeout: 20_000 },
  );
}

export interface StoredEvent {
  sessionId: string;
  index: number;
  event: {
    type: string;
    phase?: string;
    set?: number | null;
    rep?: number;
    protocol?: { id: string; version: number };
    settings?: Record<string, unknown>;
  };
}

/** Every session on the device, oldest first, each with its events in log order. */
export async function allSessionLogs(page: Page): Promise<StoredEvent[][]> {
  const rows = await page.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('glutewake');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('events').objectStore('events').getAll();
          read.onsuccess = () => resolve(read.result as StoredEvent[]);
          read.onerror = () => reject(read.error);
        };
      }),
  );
  const bySession = new Map<string, StoredEvent[]>();
  for (const row of rows)
    bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
  return [...bySession.values()]
    .map((log) => [...log].sort((a, b) => a.index - b.index))
    .sort((a, b) => startedAt(a) - startedAt(b));
}

function startedAt(log: readonly StoredEvent[]): number {
  const first = log[0]?.event as { at?: number } | undefined;
  return first?.at ?? 0;
}
