// Configuration from the environment, and refusing to start without a web app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { configFromEnv, displayUrl } from '../src/config.js';
import { createTestDatabase } from './support/backends.js';

describe('configFromEnv', () => {
  it('defaults to port 8080 on every interface, serving apps/web/dist', () => {
    const config = configFromEnv({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.webRoot.split(/[\\/]/).slice(-3)).toEqual(['apps', 'web', 'dist']);
  });

  it('reads PORT, HOST and WEB_ROOT', () => {
    expect(configFromEnv({ PORT: '4173', HOST: '127.0.0.1', WEB_ROOT: '/srv/web' })).toMatchObject({
      port: 4173,
      host: '127.0.0.1',
      webRoot: '/srv/web',
    });
  });

  it('keeps data in ./data/glutewake.sqlite by default', () => {
    expect(configFromEnv({}, '/srv/glutewake').database).toEqual({
      kind: 'sqlite',
      path: '/srv/glutewake/data/glutewake.sqlite',
    });
  });

  it.each([
    ['postgres://app:secret@db:5432/glutewake', { kind: 'postgres' }],
    ['postgresql://db/glutewake', { kind: 'postgres' }],
    [
      'sqlite:/var/lib/glutewake/db.sqlite',
      { kind: 'sqlite', path: '/var/lib/glutewake/db.sqlite' },
    ],
    ['sqlite:data/other.sqlite', { kind: 'sqlite', path: '/srv/glutewake/data/other.sqlite' }],
  ])('reads DATABASE_URL=%s', (url, expected) => {
    expect(configFromEnv({ DATABASE_URL: url }, '/srv/glutewake').database).toMatchObject(expected);
  });

  it('reads the PostgreSQL pool size', () => {
    expect(configFromEnv({ DATABASE_URL: 'postgres://db/x', PG_POOL_SIZE: '20' }).database).toEqual(
      { kind: 'postgres', url: 'postgres://db/x', poolSize: 20 },
    );
    expect(() => configFromEnv({ DATABASE_URL: 'postgres://db/x', PG_POOL_SIZE: 'lots' })).toThrow(
      /PG_POOL_SIZE/,
    );
  });

  it.each(['mysql://db/x', 'glutewake.sqlite'])('rejects DATABASE_URL=%s', (url) => {
    expect(() => configFromEnv({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
  });

  it.each([
    [undefined, false],
    ['true', true],
    ['false', false],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(configFromEnv({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('rejects a TRUST_PROXY it cannot read', () => {
    expect(() => configFromEnv({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('reads ALLOWED_ORIGINS as a list of origins, and refuses anything else', () => {
    expect(configFromEnv({}).allowedOrigins).toEqual([]);
    expect(
      configFromEnv({ ALLOWED_ORIGINS: 'https://app.clinic.example, http://localhost:5173/' })
        .allowedOrigins,
    ).toEqual(['https://app.clinic.example', 'http://localhost:5173']);
    for (const bad of ['clinic.example', 'https://clinic.example/portal', 'null']) {
      expect(() => configFromEnv({ ALLOWED_ORIGINS: bad })).toThrow(/ALLOWED_ORIGINS/);
    }
  });

  it('treats empty values as unset', () => {
    expect(configFromEnv({ PORT: '', HOST: ' ' })).toMatchObject({ port: 8080, host: '0.0.0.0' });
  });

  it.each(['http', '-1', '8080.5', '65536', '0x50'])('rejects PORT=%s', (port) => {
    expect(() => configFromEnv({ PORT: port })).toThrow(/PORT/);
  });
});

describe('displayUrl', () => {
  it.each([
    ['0.0.0.0', 8080, 'http://localhost:8080'],
    ['::', 80, 'http://localhost:80'],
    ['127.0.0.1', 4173, 'http://127.0.0.1:4173'],
    ['::1', 4173, 'http://[::1]:4173'],
  ])('%s:%d -> %s', (host, port, url) => {
    expect(displayUrl(host, port)).toBe(url);
  });
});

describe('buildApp', () => {
  it('refuses a web root with no index.html, saying how to build one', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'glutewake-empty-'));
    const database = await createTestDatabase('sqlite');
    try {
      expect(() => buildApp({ webRoot: empty, storage: database.storage })).toThrow(
        /npm run build -w @glutewake\/web/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
      await database.drop();
    }
  });
});
