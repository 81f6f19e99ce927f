// End-to-end tests: Playwright drives Debian's Chromium (never a downloaded
// build) against the real server serving the real web build. Invariants: the
// server runs on its own port (E2E_PORT, default 4319) and is never reused, so
// the tests always see the current build, with a fresh SQLite database in the
// temp folder (E2E_DATABASE_URL); results go to .ci-results/e2e.json,
// which scripts/test-all.mjs counts; there are no retries, so flakiness shows.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath, isCi } from './e2e/support/chromium.js';

const port = Number(process.env.E2E_PORT ?? 4319);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh database for each run, so the first test that needs a clinic sets one up.
// Its URL goes into the environment, which the test workers inherit, so a
// spec can write a caseload into it (e2e/support/caseload.ts).
process.env.E2E_DATABASE_URL ??= `sqlite:${join(tmpdir(), `glutewake-e2e-${Date.now()}-${process.pid}.sqlite`)}`;
const databaseUrl = process.env.E2E_DATABASE_URL;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  forbidOnly: isCi,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: '.ci-results/e2e.json' }]],
  use: {
    baseURL,
    viewport: { width: 390, height: 844 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      },
    },
  ],
  webServer: {
    // Builds what is stale (the web app included), then serves it.
    command: 'node scripts/start.mjs',
    env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl },
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
