#!/usr/bin/env node
// Start-up time: from navigation to an interactive first button, with the CPU
// slowed 4x through the Chrome DevTools Protocol, against the real server and
// the real production build. Two cases: a first visit (nothing cached; the
// first-run guide's "Next" button) and a returning visit (service worker and
// storage warm; home's "Start session" button). The time is measured inside
// the page: a MutationObserver notes performance.now() (which counts from the
// navigation) when the button is first in the DOM and enabled.
// Prints JSON: {startTime: {cpuThrottling, firstVisit, returningVisit}}.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { quantile } from '../support/quantile.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.START_RUNS ?? 7);

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Installed before any page script: records when `name` is first an enabled button. */
function watchForButton(name) {
  const check = () => {
    if (window.__buttonReadyAt !== undefined) return;
    for (const button of document.querySelectorAll('button')) {
      if (button.textContent?.trim() === name && !button.disabled) {
        window.__buttonReadyAt = performance.now();
        return;
      }
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
  });
}

async function measure(context, url, buttonName) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(watchForButton, buttonName);
  await page.goto(url);
  await page.waitForFunction(() => window.__buttonReadyAt !== undefined, null, { timeout: 30_000 });
  const ms = await page.evaluate(() => window.__buttonReadyAt);
  await page.close();
  return ms;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => quantile(sorted, q);
  return {
    runs: values.length,
    medianMs: Math.round(at(0.5)),
    p95Ms: Math.round(at(0.95)),
    minMs: Math.round(sorted[0]),
  };
}

spawnSync('npm', ['run', 'build', '-w', '@glutewake/web'], { cwd: root, stdio: 'ignore' });
const port = await freePort();
const server = spawn(process.execPath, ['apps/server/bin/glutewake-server.js'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
try {
  await waitForServer(`${base}/`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  const firstVisit = [];
  const returningVisit = [];
  for (let run = 0; run < RUNS; run++) {
    const fresh = await browser.newContext();
    firstVisit.push(await measure(fresh, `${base}/`, 'Next'));
    // Finish the guide once so the next visits land on home, then let the service worker take over.
    const setup = await fresh.newPage();
    await setup.goto(`${base}/`);
    await setup.getByRole('button', { name: 'Skip the guide' }).click();
    await setup.getByRole('button', { name: 'Start session' }).waitFor();
    for (let attempt = 0; attempt < 50; attempt++) {
      const controlled = await setup
        .evaluate(() => navigator.serviceWorker.controller !== null)
        .catch(() => false);
      if (controlled) break;
      await setup.waitForTimeout(200);
    }
    await setup.close();
    returningVisit.push(await measure(fresh, `${base}/#/`, 'Start session'));
    await fresh.close();
  }
  await browser.close();
  console.log(
    JSON.stringify(
      {
        startTime: {
          cpuThrottling: 4,
          firstVisit: stats(firstVisit),
          returningVisit: stats(returningVisit),
        },
      },
      null,
      2,
    ),
  );
} finally {
  server.kill('SIGTERM');
}
