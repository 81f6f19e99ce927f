// GET /api/health reports the database: reachable with its schema version,
// or 503 with Retry-After when it cannot be reached.
import { expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { migrationNames } from '../../src/db/migrations/index.js';
import { openStorage } from '../../src/storage/storage.js';
import { makeFakeWebRoot } from '../fake-web-root.js';
import { describeEachBackend, describePostgresOnly } from '../support/backends.js';
import { useTestApp } from '../support/test-app.js';

describeEachBackend('GET /api/health', (backend) => {
  const server = useTestApp(backend);

  it('reports a reachable, up-to-date database', async () => {
    const response = await server.app().inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      status: 'ok',
      database: {
        dialect: backend,
        reachable: true,
        migrationsApplied: migrationNames().length,
        migrationsPending: [],
        latestMigration: migrationNames().at(-1),
      },
      serverTime: server.clock.now(),
    });
  });
});

describePostgresOnly('GET /api/health with the database down', () => {
  it('answers 503 with Retry-After when PostgreSQL cannot be reached', async () => {
    const webRoot = makeFakeWebRoot();
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const storage = openStorage({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:9/none' });
    const app = buildApp({ webRoot: webRoot.path, storage });
    try {
      const response = await app.inject({ url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({
        status: 'unavailable',
        database: { dialect: 'postgres', reachable: false },
      });
    } finally {
      await app.close();
      await storage.close();
      webRoot.remove();
    }
  });
});
