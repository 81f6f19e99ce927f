// The therapist portal beyond the list, in a real Chromium against the real
// server: a client's detail (timeline with check-ins and cues, body map,
// symptom chart, private notes, with markup in them shown as plain text),
// invitations created and revoked, the owner's audit log, and the one-page
// printed summary (rendered to PDF).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from '../support/index.js';
import { clientName } from '../support/caseload.js';
import { clientTable, withCaseload } from '../support/portal.js';
import type { Page } from '@playwright/test';

async function openClient(page: Page, name: string): Promise<void> {
  await page.goto('/#/portal');
  await clientTable(page).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a client’s detail: sessions with check-ins and cues, body map, symptoms and notes', async ({
  page,
  baseURL,
  pageProblems,
}) => {
  test.setTimeout(180_000);
  await withCaseload(page, baseURL ?? '');
  await page.setViewportSize({ width: 1280, height: 800 });
  // Client 1: the left glute still sleeps, so the coach gave side cues.
  const name = clientName(1);
  await openClient(page, name);

  const sessions = page.getByRole('region', { name: 'Sessions' });
  const newest = sessions.locator('details').first();
  await newest.locator('summary').click();
  const checkIns = newest.getByRole('table');
  await expect(
    checkIns.getByRole('rowheader', { name: /^Wake-up, rep \d+/ }).first(),
  ).toBeVisible();
  await expect(checkIns).toContainText('Hamstrings');
  await expect(checkIns).toContainText('Right glute');
  // A cue in the protocol's own words, with the sleepy side filled in.
  await expect(checkIns).toContainText(/left/);

  const map = page.getByRole('img', { name: /^Where it was felt in \d+ answered check-ins/ });
  await expect(map).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: 'Region' })).toContainText('Hamstrings');
  await expect(page.getByRole('heading', { name: 'Symptoms' })).toBeVisible();
  await page.getByText('Show as a table').click();
  await expect(page.getByRole('table', { name: 'Symptom scores by session' })).toContainText(
    'Knee',
  );

  const notes = page.getByRole('region', { name: 'Private notes' });
  await notes.getByLabel('New note').fill('Try a firmer pillow next time; left side slow to join.');
  await notes.getByRole('button', { name: 'Save note' }).click();
  await expect(notes.getByRole('status')).toHaveText('Note saved.');
  await expect(notes.getByRole('listitem')).toContainText(['Try a firmer pillow']);
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Private notes' }).getByRole('listitem').first(),
  ).toContainText('Try a firmer pillow');
  // Row 9: text that looks like markup is kept and shown as the very text typed.
  const markup = '<img src=x onerror="window.__pwned = 1"> <b>bold?</b>';
  await page.getByRole('region', { name: 'Private notes' }).getByLabel('New note').fill(markup);
  await page.getByRole('button', { name: 'Save note' }).click();
  const saved = page.getByRole('region', { name: 'Private notes' });
  await expect(saved.getByRole('listitem').filter({ hasText: 'onerror' })).toContainText(markup);
  await expect(saved.locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await screenshotBoth(page, 'portal-client-detail');
  await expectNoSeriousA11yViolations(page);
  expect(pageProblems.uncaughtErrors).toEqual([]);
});

test('the printed summary is one clean page', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await withCaseload(page, baseURL ?? '');
  await openClient(page, clientName(3));
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: 'Print summary' }).click();

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-summary')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sessions', exact: true })).toBeHidden();
  await page.setViewportSize({ width: 794, height: 1123 });
  const screens = join(test.info().project.outputDir, 'screens');
  await page.screenshot({ path: join(screens, 'portal-print-summary.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pdfPath = join(test.info().project.outputDir, 'portal-print-summary.pdf');
  writeFileSync(pdfPath, pdf);
  await test
    .info()
    .attach('portal-print-summary.pdf', { path: pdfPath, contentType: 'application/pdf' });
  // Each page of a PDF is one "/Type /Page" object (the tree is "/Type /Pages").
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages).toHaveLength(1);
  expect(pdf.toString('latin1')).toContain('%PDF');
  await page.emulateMedia({ media: 'screen' });
});

test('invitations: create one with a name, see its code and QR, revoke it; see who accepted', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await withCaseload(page, baseURL ?? '');
  await page.goto('/#/portal/invitations');
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  await page.getByLabel('Their name (optional)').fill('Mira Santos');
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const created = page.getByRole('region', { name: 'Invitation ready for Mira Santos' });
  await expect(created).toBeVisible();
  await expect(created.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(created.getByRole('link', { name: /\/join#code=/ })).toBeVisible();
  const list = page.getByRole('table');
  const row = list.getByRole('row', { name: /Mira Santos/ }).first();
  await expect(row).toContainText('Waiting');
  // The generated clients joined by invitation: their rows say who accepted.
  await page.getByRole('button', { name: /^Show all \d+ invitations$/ }).click();
  await expect(list.getByText(`by ${clientName(0)}`, { exact: true })).toBeVisible();
  await screenshotBoth(page, 'portal-invitations');
  await expectNoSeriousA11yViolations(page);

  await row.getByRole('button', { name: 'Revoke the invitation for Mira Santos' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'revoked' })).toHaveText(
    'The invitation for Mira Santos is revoked.',
  );
  await expect(list.getByRole('row', { name: /Mira Santos/ }).first()).toContainText('Revoked');
});

test('the owner reads the audit log in pages', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await withCaseload(page, baseURL ?? '');
  // More than a page of entries, whatever ran before: each look at a client is logged.
  const { clients } = (await (await page.request.get(`${baseURL}/api/clients`)).json()) as {
    clients: { id: string }[];
  };
  for (const client of clients.slice(0, 55)) {
    expect((await page.request.get(`${baseURL}/api/clients/${client.id}`)).ok()).toBe(true);
  }
  const auditPage = (before: boolean) =>
    page
      .waitForResponse(
        (response) =>
          response.url().includes('/api/audit?') && response.url().includes('before=') === before,
      )
      .then(async (response) => (await response.json()) as { entries: { id: number }[] });
  const newest = auditPage(false);
  await page.goto('/#/portal/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table).toContainText('Read client data');
  await expect(table).toContainText('Dana Reyes');
  await screenshotBoth(page, 'portal-audit');
  await expectNoSeriousA11yViolations(page);
  const older = page.getByRole('button', { name: 'Older' });
  const firstPage = (await newest).entries;
  await expect(older).toBeEnabled();
  // Rows of one minute can read alike: the entries' ids tell the pages apart.
  const next = auditPage(true);
  await older.click();
  await expect(page.locator('.pager').getByText('Page 2')).toBeVisible();
  const secondPage = (await next).entries;
  const oldestOnFirst = Math.min(...firstPage.map((entry) => entry.id));
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.every((entry) => entry.id < oldestOnFirst)).toBe(true);
  await expect(table.locator('tbody tr')).toHaveCount(secondPage.length);
  await page.getByRole('button', { name: 'Newer' }).click();
  await expect(page.locator('.pager').getByText('Page 1')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(firstPage.length);
});
