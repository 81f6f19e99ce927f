// SPA fallback: browser navigations to paths with no file get the app shell;
// missing files, API paths and non-HTML requests get a 404.
import { describe, expect, it } from 'vitest';
import { wantsAppShell } from '../src/spa-fallback.js';
import { appShellHtml, useAppOverFakeWebRoot } from './fake-web-root.js';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const server = useAppOverFakeWebRoot();

describe('navigations to client-side routes', () => {
  it.each(['/session', '/session/today', '/history?week=12', '/settings/voice/'])(
    '%s gets the app shell, revalidated',
    async (url) => {
      const response = await server.app().inject({ url, headers: { accept: browserAccept } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(appShellHtml);
    },
  );

  it('answers HEAD like GET, without a body', async () => {
    const response = await server.app().inject({
      method: 'HEAD',
      url: '/session',
      headers: { accept: browserAccept },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });
});

describe('plain 404s', () => {
  it.each([
    ['a missing script', '/assets/nope-12345678.js', browserAccept],
    ['a missing file at the root', '/favicon.ico', browserAccept],
    ['a dotfile', '/.env', browserAccept],
    ['an API path', '/api/sessions', browserAccept],
    ['an API path spelled in escapes', '/%61pi/sessions', browserAccept],
    ['a fetch that does not want HTML', '/session', 'application/json'],
    ['a request with no Accept header', '/session', undefined],
  ])('%s (%s)', async (_what, url, accept) => {
    const headers = accept === undefined ? {} : { accept };
    const response = await server.app().inject({ url, headers });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('a POST to a client-side route', async () => {
    const response = await server.app().inject({
      method: 'POST',
      url: '/session',
      headers: { accept: browserAccept },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('wantsAppShell', () => {
  it.each([
    ['GET', '/', 'text/html', true],
    ['GET', '/a/b/c', 'text/html', true],
    ['GET', '/a/b/c?x=1.2', 'text/html', true],
    ['HEAD', '/a', 'text/html', true],
    ['GET', '/a.png', 'text/html', false],
    ['GET', '/a', 'image/*', false],
    ['DELETE', '/a', 'text/html', false],
    ['GET', '/api', 'text/html', false],
    ['GET', '/api/x', 'text/html', false],
    ['GET', '/apiary', 'text/html', true],
    ['GET', '/%61pi/x', 'text/html', false],
    ['GET', '/ap%69', 'text/html', false],
    ['GET', '/%E0%A4%A', 'text/html', true],
  ] as const)('%s %s (Accept %s) -> %s', (method, url, accept, expected) => {
    expect(wantsAppShell({ method, url, accept })).toBe(expected);
  });
});

describe('API answers, however the path is spelled', () => {
  it.each(['/api/health', '/%61pi/health', '/ap%69/health', '/%61pi/no-such-route'])(
    '%s is never stored by a cache',
    async (url) => {
      const response = await server.app().inject({ url });
      expect(response.headers['cache-control']).toBe('no-store');
    },
  );
});
