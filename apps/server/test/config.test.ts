// Configuration from the environment, and refusing to start without a web app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { configFromEnv, displayUrl } from '../src/config.js';

describe('configFromEnv', () => {
  it('defaults to port 8080 on every interface, serving apps/web/dist', () => {
    const config = configFromEnv({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.webRoot.split(/[\\/]/).slice(-3)).toEqual(['apps', 'web', 'dist']);
  });

  it('reads PORT, HOST and WEB_ROOT', () => {
    expect(configFromEnv({ PORT: '4173', HOST: '127.0.0.1', WEB_ROOT: '/srv/web' })).toEqual({
      port: 4173,
      host: '127.0.0.1',
      webRoot: '/srv/web',
    });
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
  it('refuses a web root with no index.html, saying how to build one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'glutewake-empty-'));
    try {
      expect(() => buildApp({ webRoot: empty })).toThrow(/npm run build -w @glutewake\/web/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
