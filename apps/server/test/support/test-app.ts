// The whole server for a test suite: the app over a fake web root and a fresh
// database on the chosen backend, with a clock the test moves by hand.
// Call at the top of a describe block; the getters work inside tests.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '../../src/app.js';
import type { Storage } from '../../src/storage/types.js';
import { makeFakeWebRoot, type FakeWebRoot } from '../fake-web-root.js';
import { createTestDatabase, type BackendName, type TestDatabase } from './backends.js';
import { testClock, type TestClock } from './clock.js';

export interface TestApp {
  app(): FastifyInstance;
  storage(): Storage;
  database(): TestDatabase;
  clock: TestClock;
}

export function useTestApp(
  backend: BackendName,
  options: Partial<Omit<AppOptions, 'webRoot' | 'storage' | 'now'>> = {},
): TestApp {
  const clock = testClock();
  let webRoot: FakeWebRoot | null = null;
  let database: TestDatabase | null = null;
  let instance: FastifyInstance | null = null;
  beforeAll(async () => {
    webRoot = makeFakeWebRoot();
    database = await createTestDatabase(backend);
    instance = buildApp({
      ...options,
      webRoot: webRoot.path,
      storage: database.storage,
      now: clock.now,
    });
    await instance.ready();
  });
  afterAll(async () => {
    await instance?.close();
    await database?.drop();
    webRoot?.remove();
  });
  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is made in beforeAll`);
    return value;
  };
  return {
    app: () => need(instance, 'The app'),
    storage: () => need(database, 'The database').storage,
    database: () => need(database, 'The database'),
    clock,
  };
}
