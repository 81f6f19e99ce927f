// The journey made visible, in a real Chromium: a fortnight of ankle-squeeze
// practice imported from a file shows as a calendar with its streak, insight
// lines, trend charts drawn by uPlot (each with its table, where the rep at
// which each glute fired falls session after session), glute bridges
// unlocked on the ladder, and Home saying where the person stands.
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from '../support/index.js';
import { dataStatus, exportFileOf, importText, openYourData } from '../support/data-flows.js';
import { fortnightOfPractice } from '../support/history-fixture.js';
import { openRung } from '../support/ladder-flows.js';
import { FAST, finishFirstRun } from '../flows.js';

test('a fortnight of practice: charts, insights, the streak and glute bridges unlocked', async ({
  page,
  pageProblems,
}) => {
  test.setTimeout(60_000);
  const fortnight = fortnightOfPractice();
  await page.goto(FAST);
  await finishFirstRun(page);
  await openYourData(page);
  await importText(page, exportFileOf(fortnight));
  await expect(dataStatus(page)).toContainText(`Added ${fortnight.length} sessions.`);

  await page.evaluate(() => (location.hash = '#/progress'));
  await expect(page.getByRole('heading', { name: 'Your progress', level: 1 })).toBeVisible();
  // Two days were skipped, the later one 6 days ago: the streak is the 6 days since.
  await expect(page.getByText('6 days in a row').first()).toBeVisible();
  const insights = page.locator('.insights li');
  await expect(
    insights.filter({ hasText: /glute now fires \d+ reps sooner than last week/ }),
  ).toHaveCount(2);
  await expect(
    insights.filter({ hasText: 'Your last 3 sessions ended with both sides feeling even.' }),
  ).toHaveCount(1);

  // uPlot drew every chart: a canvas in each figure.
  const charts = page.locator('figure.chart');
  expect(await charts.count()).toBeGreaterThanOrEqual(3);
  for (const chart of await charts.all())
    await expect(chart.locator('canvas').first()).toBeAttached();

  // The trend, read from the firing chart's table: both glutes fire sooner.
  const firing = page.getByRole('figure', { name: 'When each glute fired' });
  await firing.getByText('Show as a table').click();
  const rows = firing.locator('tbody tr');
  await expect(rows).toHaveCount(fortnight.length);
  const firedAt = async (column: number) =>
    (await rows.locator(`td:nth-child(${column})`).allTextContents()).map(Number);
  for (const column of [2, 3]) {
    const reps = await firedAt(column);
    expect(reps.every((rep, i) => i === 0 || rep <= (reps[i - 1] ?? Infinity))).toBe(true);
    expect(reps.at(-1)).toBeLessThan(reps[0] ?? 0);
  }
  await firing.getByText('Show as a table').click();
  await screenshotBoth(page, 'progress-fortnight');
  await expectNoSeriousA11yViolations(page);

  const bridge = await openRung(page, 'Glute bridge');
  await expect(bridge.locator('.rung-state')).toHaveText('Unlocked');
  await expect(bridge.getByRole('button', { name: 'Start glute bridge' })).toBeVisible();
  const thrust = await openRung(page, 'Hip thrust');
  await expect(thrust.locator('.rung-state')).toHaveText('Locked');
  await screenshotBoth(page, 'exercises-bridge-unlocked');

  await page.evaluate(() => (location.hash = '#/'));
  await expect(page.getByText('Done for today. Nice work.')).toBeVisible();
  await expect(page.getByText('Open to you now: glute bridges')).toBeVisible();
  await screenshotBoth(page, 'home-after-a-fortnight');
  expect(pageProblems.uncaughtErrors).toEqual([]);
  expect(pageProblems.cspViolations).toEqual([]);
});
