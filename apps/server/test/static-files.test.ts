// Static files: content types, the cache policy (hashed assets immutable,
// everything else revalidated), conditional requests and compression.
import { describe, expect, it } from 'vitest';
import { appScript, appShellHtml, useAppOverFakeWebRoot } from './fake-web-root.js';

const immutable = 'public, max-age=31536000, immutable';

const server = useAppOverFakeWebRoot();

describe('content types', () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/sw.js', 'application/javascript; charset=utf-8'],
    ['/assets/index-CGX5WZDb.js', 'application/javascript; charset=utf-8'],
    ['/assets/index-B2xYz9Qa.css', 'text/css; charset=utf-8'],
    ['/manifest.webmanifest', 'application/manifest+json'],
    ['/icon.svg', 'image/svg+xml'],
  ])('%s is served as %s', async (url, contentType) => {
    const response = await server.app().inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(contentType);
  });

  it('serves the app shell at /', async () => {
    const response = await server.app().inject({ url: '/' });
    expect(response.body).toBe(appShellHtml);
  });
});

describe('cache policy', () => {
  it.each(['/assets/index-CGX5WZDb.js', '/assets/index-B2xYz9Qa.css'])(
    'caches the hashed asset %s for a year, immutable',
    async (url) => {
      const response = await server.app().inject({ url });
      expect(response.headers['cache-control']).toBe(immutable);
    },
  );

  it.each([
    '/',
    '/index.html',
    '/sw.js',
    '/workbox-2178cfdb.js',
    '/manifest.webmanifest',
    '/icon.svg',
    '/robots.txt',
  ])('revalidates %s on every use', async (url) => {
    const response = await server.app().inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers.etag).toBeTruthy();
    expect(response.headers['last-modified']).toBeTruthy();
  });

  it('answers 304 Not Modified to a matching If-None-Match', async () => {
    const first = await server.app().inject({ url: '/sw.js' });
    const etag = String(first.headers.etag);
    const second = await server.app().inject({ url: '/sw.js', headers: { 'if-none-match': etag } });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
    expect(second.headers['cache-control']).toBe('no-cache');
  });

  it('answers 304 Not Modified to a current If-Modified-Since', async () => {
    const first = await server.app().inject({ url: '/' });
    const lastModified = String(first.headers['last-modified']);
    const second = await server
      .app()
      .inject({ url: '/', headers: { 'if-modified-since': lastModified } });
    expect(second.statusCode).toBe(304);
  });

  it('never caches a missing asset for good', async () => {
    const response = await server.app().inject({ url: '/assets/index-Missing1.js' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['cache-control']).toBe('no-cache');
  });
});

describe('compression', () => {
  it.each(['br', 'gzip'])('compresses a large script with %s when asked', async (encoding) => {
    const response = await server.app().inject({
      url: '/assets/index-CGX5WZDb.js',
      headers: { 'accept-encoding': encoding },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.rawPayload.length).toBeLessThan(appScript.length);
    expect(response.headers['cache-control']).toBe(immutable);
  });

  it('sends the plain file to a client that accepts no encoding', async () => {
    const response = await server.app().inject({
      url: '/assets/index-CGX5WZDb.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(appScript);
  });
});
