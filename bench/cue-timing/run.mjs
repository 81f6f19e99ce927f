#!/usr/bin/env node
// The cue-timing benchmark: how close to their ideal audio times the tones
// really sound when the main thread is busy, through the web app's lookahead
// scheduler and through a setTimeout baseline. It builds page/ with Vite
// (resolving workspace packages from source), serves it on 127.0.0.1, runs
// it in headless Chromium for `--seconds N` of real time (default 120) and
// prints one JSON object: {cueTiming: {scheduler, setTimeoutBaseline, ...}}.
// Progress goes to stderr, so stdout stays pure JSON.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const CHROMIUM = chromiumPath;
const CHROMIUM_ARGS = [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'];
const CONTENT_TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.map': 'application/json',
};

function secondsFromArgs(args) {
  const index = args.indexOf('--seconds');
  const raw =
    index >= 0 ? args[index + 1] : args.find((arg) => arg.startsWith('--seconds='))?.slice(10);
  const seconds = raw === undefined ? 120 : Number(raw);
  if (!Number.isFinite(seconds) || seconds < 5) {
    throw new Error(`--seconds wants a number of seconds, at least 5 (got "${raw}")`);
  }
  return seconds;
}

async function buildPage(outDir) {
  await build({
    root: fileURLToPath(new URL('./page/', import.meta.url)),
    configFile: false,
    logLevel: 'error',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
}

function serve(root) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const seconds = secondsFromArgs(process.argv.slice(2));
  const outDir = await mkdtemp(join(tmpdir(), 'glutewake-cue-timing-'));
  let server;
  let browser;
  try {
    await buildPage(outDir);
    server = await serve(outDir);
    const { port } = server.address();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    page.on('console', (message) => console.error(`[page] ${message.text()}`));
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof globalThis.runCueTiming === 'function');
    console.error(`cue-timing: playing ${seconds} s of a session under load...`);
    const cueTiming = await page.evaluate((s) => globalThis.runCueTiming(s), seconds);
    console.log(JSON.stringify({ cueTiming }, null, 2));
  } finally {
    await browser?.close();
    server?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
