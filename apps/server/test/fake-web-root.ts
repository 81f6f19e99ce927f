// A tiny built web app in a temporary folder, shaped like apps/web/dist: the
// app shell, the service worker and workbox runtime, a manifest, an icon and
// hashed assets. Each test suite gets its own and removes it afterwards.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.js';
import { createTestDatabase, type TestDatabase } from './support/backends.js';

export const appShellHtml =
  '<!doctype html><html lang="en"><head><title>Glutewake</title>' +
  '<script type="module" crossorigin src="/assets/index-CGX5WZDb.js"></script></head>' +
  '<body><div id="app"></div></body></html>';

/** A script big enough for compression to kick in (over 1 KiB). */
export const appScript = `console.log(${JSON.stringify('glutewake '.repeat(300))});\n`;

const files: Readonly<Record<string, string>> = {
  'index.html': appShellHtml,
  'sw.js': "importScripts('/workbox-2178cfdb.js');\n",
  'workbox-2178cfdb.js': 'self.workbox = {};\n',
  'manifest.webmanifest': JSON.stringify({ name: 'Glutewake', start_url: '/' }),
  'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>',
  'robots.txt': 'User-agent: *\n',
  '.env': 'SECRET=1\n',
  'assets/index-CGX5WZDb.js': appScript,
  'assets/index-B2xYz9Qa.css': 'body{margin:0}\n',
};

export interface FakeWebRoot {
  path: string;
  remove(): void;
}

export function makeFakeWebRoot(): FakeWebRoot {
  const path = mkdtempSync(join(tmpdir(), 'glutewake-web-'));
  for (const [name, content] of Object.entries(files)) {
    const file = join(path, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Builds the app over a fresh fake web root and a fresh SQLite database before
 * a suite's tests and closes all three after them. Call at the top of a test
 * file; `app()` gives the instance.
 */
export function useAppOverFakeWebRoot(options: { trustProxy?: boolean } = {}): {
  app(): FastifyInstance;
} {
  let webRoot: FakeWebRoot | null = null;
  let database: TestDatabase | null = null;
  let instance: FastifyInstance | null = null;
  beforeAll(async () => {
    webRoot = makeFakeWebRoot();
    database = await createTestDatabase('sqlite');
    instance = buildApp({ webRoot: webRoot.path, storage: database.storage, ...options });
    await instance.ready();
  });
  afterAll(async () => {
    await instance?.close();
    await database?.drop();
    webRoot?.remove();
  });
  return {
    app() {
      if (instance === null) throw new Error('The app is built in beforeAll');
      return instance;
    },
  };
}
