// Smoke test: the built app, served by the real server, opens in Chromium with
// its title and a heading, no serious accessibility problems, no uncaught errors and nothing
// blocked by the Content-Security-Policy.
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from './support/index.js';

test('the app opens with its heading and no serious accessibility problems', async ({
  page,
  pageProblems,
}) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/glutewake/i);
  // The first screen changes as the app grows (first run shows a guide), so
  // the smoke test asks only for a main landmark with a top-level heading.
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotBoth(page, 'home');
  expect(pageProblems.uncaughtErrors, 'uncaught errors in the page').toEqual([]);
  expect(pageProblems.cspViolations, 'Content-Security-Policy violations').toEqual([]);
});
