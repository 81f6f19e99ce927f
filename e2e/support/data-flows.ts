// Steps a person takes with their data, for the end-to-end specs: opening
// "Your data" and "Reminders" by their routes (so the URL's testing seams
// stay), capturing a download's name and bytes, choosing a file to import
// through the browser's file chooser, deleting everything, and writing an
// export file by hand (as another device would have made it) from logs.
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
  text: string;
}

export async function openYourData(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/data'));
  await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
}

export async function openReminders(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/reminders'));
  await expect(page.getByRole('heading', { name: 'Reminders', level: 1 })).toBeVisible();
}

/** Clicks the button named `name` and returns the file it downloads. */
export async function downloadBy(page: Page, name: string | RegExp): Promise<DownloadedFile> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await download;
  const path = await file.path();
  const bytes = await readFile(path);
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Imports `text` as a chosen file, the way a person picks one. */
export async function importText(page: Page, text: string, name = 'import.json'): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a file' }).click();
  await (
    await chooser
  ).setFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

/** The live region where the latest outcome on the data screen is said (next to its button). */
export function dataStatus(page: Page) {
  return page.locator('.data-status:not(:empty)');
}

export async function deleteAllData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Delete all data' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('This cannot be undone.');
  await expect(confirm.getByRole('button', { name: 'Keep my data' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(dataStatus(page)).toContainText('Everything on this device was deleted.');
  await expect(page.getByText('There are no sessions on this device yet.')).toBeVisible();
}

/** An export file as another device would write it (any key order is fine on import). */
export function exportFileOf(
  sessions: readonly { sessionId: string; events: readonly unknown[] }[],
  preferences: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    format: 'glutewake-export',
    version: 1,
    sessions: sessions.map(({ sessionId, events }) => ({ sessionId, events })),
    preferences,
  });
}

/** Column names a section of docs/data-export.md documents, in order. */
export async function documentedColumns(file: string): Promise<string[]> {
  const docs = await readFile(new URL('../../docs/data-export.md', import.meta.url), 'utf8');
  const section = docs.split(/^### /m).find((part) => part.startsWith(`\`${file}\``)) ?? '';
  return [...section.matchAll(/^\| `([a-z_]+)` +\|/gm)].map((match) => match[1] ?? '');
}
