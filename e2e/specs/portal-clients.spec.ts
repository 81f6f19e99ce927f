// The therapist portal in a real Chromium against the real server: staff set
// up the clinic and sign in; the client list of 200 generated clients
// (synced through the real push) loads fast, reads well at 1280x800, sorts
// and filters from the keyboard, and has no serious accessibility problems.
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from '../support/index.js';
import { OWNER } from '../support/clinic.js';
import { CASELOAD_SIZE, clientTable, withCaseload } from '../support/portal.js';
import { clientName } from '../support/caseload.js';

test('staff set up the clinic on a fresh server, sign out and sign in again', async ({
  page,
  pageProblems,
}) => {
  await page.goto('/#/portal');
  const setUp = page.getByRole('heading', { name: 'Set up your clinic' });
  const signIn = page.getByRole('heading', { name: 'Staff sign-in' });
  await expect(setUp.or(signIn)).toBeVisible();
  if (await setUp.isVisible()) {
    await screenshotBoth(page, 'portal-setup');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Clinic name').fill(OWNER.clinicName);
    await page.getByLabel('Your name').fill(OWNER.displayName);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create the clinic' }).click();
  } else {
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Your clients' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(OWNER.clinicName);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(signIn).toBeVisible();
  await screenshotBoth(page, 'portal-sign-in');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your clients' })).toBeVisible();
  expect(pageProblems.uncaughtErrors).toEqual([]);
});

test('the client list of 200 clients loads fast and reads well', async ({
  page,
  baseURL,
  pageProblems,
}) => {
  test.setTimeout(180_000);
  await withCaseload(page, baseURL ?? '');

  // The list query, as the portal makes it. Its p95 goal (100 ms) is held by
  // bench/therapist-queries on a quiet machine; here, where other work may
  // share the CPU, the typical (median) query must be within it.
  for (let warm = 0; warm < 3; warm++) await page.context().request.get('/api/clients');
  const times: number[] = [];
  for (let run = 0; run < 20; run++) {
    const started = Date.now();
    const response = await page.context().request.get('/api/clients');
    expect(response.ok()).toBe(true);
    times.push(Date.now() - started);
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)] ?? Infinity;
  const p95 = times[Math.floor(times.length * 0.95) - 1] ?? Infinity;
  await test.info().attach('client-list-query-ms.json', {
    body: JSON.stringify({ times, p50, p95 }),
    contentType: 'application/json',
  });
  expect(p50).toBeLessThanOrEqual(100);

  await page.setViewportSize({ width: 1280, height: 800 });
  const opened = Date.now();
  await page.goto('/#/portal');
  const rows = clientTable(page).locator('tbody tr');
  await expect(rows).toHaveCount(CASELOAD_SIZE, { timeout: 10_000 });
  await test.info().attach('client-list-shown-ms.json', {
    body: JSON.stringify({ msFromNavigation: Date.now() - opened }),
    contentType: 'application/json',
  });
  await expect(page.getByRole('status').filter({ hasText: 'clients' })).toHaveText(
    `${CASELOAD_SIZE} clients`,
  );
  // Sparklines say their numbers in words; flags and readiness read as words.
  await expect(page.getByRole('img', { name: /^Last \d+ sessions?: left/ }).first()).toBeVisible();
  await expect(page.locator('.badge', { hasText: 'No session in 4 days' }).first()).toBeVisible();
  await expect(page.locator('.badge', { hasText: 'One side not firing' }).first()).toBeVisible();
  await expect(page.locator('.badge', { hasText: 'Symptom rising' }).first()).toBeVisible();
  await expect(page.locator('.badge', { hasText: 'Events set aside' }).first()).toBeVisible();
  await expect(
    page.locator('.badge', { hasText: 'Ready for glute bridges' }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: join(
      test.info().project.outputDir,
      'screens',
      'portal-client-list-viewport-1280x800.png',
    ),
  });
  await screenshotBoth(page, 'portal-client-list');
  await expectNoSeriousA11yViolations(page);
  expect(pageProblems.uncaughtErrors).toEqual([]);
});

test('the client list sorts and filters from the keyboard', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await withCaseload(page, baseURL ?? '');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/portal');
  const table = clientTable(page);
  await expect(table.locator('tbody tr')).toHaveCount(CASELOAD_SIZE);
  const nameHeader = table.getByRole('columnheader', { name: /Client/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');

  // Sort by name, descending, with Enter on the focused header button.
  await nameHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  const firstName = table.locator('tbody tr').first().getByRole('rowheader');
  const names = Array.from({ length: CASELOAD_SIZE }, (_, i) => clientName(i)).sort((a, b) =>
    b.localeCompare(a),
  );
  await expect(firstName).toHaveText(names[0] ?? '');

  // Tab to the next header and sort by the last session with Space.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  const lastHeader = table.getByRole('columnheader', { name: /Last session/ });
  await expect(lastHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  await expect(table.locator('tbody tr').first().locator('td').first()).toContainText('Today');

  // Only those who need attention, then only one flag, then a name.
  const flagFilter = page.getByLabel('Show only');
  await flagFilter.focus();
  await page.keyboard.press('ArrowDown');
  await expect(flagFilter).toHaveValue('any');
  const flagged = await table.locator('tbody tr').count();
  expect(flagged).toBeGreaterThan(0);
  expect(flagged).toBeLessThan(CASELOAD_SIZE);
  await page.keyboard.press('ArrowDown');
  await expect(flagFilter).toHaveValue('no-session-in-4-days');
  for (const row of await table.locator('tbody tr').all()) {
    await expect(row).toContainText('No session in 4 days');
  }
  await flagFilter.focus();
  await page.keyboard.press('Home');
  await expect(flagFilter).toHaveValue('all');
  await page.getByLabel('Find a client').focus();
  await page.keyboard.type(clientName(7));
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await screenshotBoth(page, 'portal-client-list-filtered');

  // Enter on the name opens the client's detail.
  await table.getByRole('link', { name: clientName(7) }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/portal\/clients\/[0-9a-f-]{36}$/);
});
