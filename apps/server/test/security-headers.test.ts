// Security headers: every response carries them, whatever it is, and over
// HTTPS (directly or through a trusted proxy) the HSTS header as well.
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useAppOverFakeWebRoot } from './fake-web-root.js';

const server = useAppOverFakeWebRoot();

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources.join(' ')] as const;
    }),
  );
}

const responses = [
  ['the app shell', 'GET', '/', 'text/html'],
  ['a hashed asset', 'GET', '/assets/index-CGX5WZDb.js', '*/*'],
  ['the service worker', 'GET', '/sw.js', '*/*'],
  ['an SPA fallback', 'GET', '/session', 'text/html'],
  ['a 404', 'GET', '/missing.png', 'image/*'],
  ['a 404 for another method', 'DELETE', '/', '*/*'],
  ['a 400 for a URL that cannot be decoded', 'GET', '/%E0%A4%A', 'text/html'],
] as const;

describe.each(responses)('on %s', (_what, method, url, accept) => {
  it('sends every security header', async () => {
    expectSecurityHeaders(await server.app().inject({ method, url, headers: { accept } }));
  });
});

it('sends every security header on a 304 Not Modified', async () => {
  const { etag } = (await server.app().inject({ url: '/sw.js' })).headers;
  const response = await server
    .app()
    .inject({ url: '/sw.js', headers: { 'if-none-match': String(etag) } });
  expect(response.statusCode).toBe(304);
  expectSecurityHeaders(response);
});

function expectSecurityHeaders(response: LightMyRequestResponse): void {
  const csp = directives(String(response.headers['content-security-policy']));
  expect(csp.get('default-src')).toBe("'self'");
  expect(csp.get('script-src')).toBe("'self'");
  expect(csp.get('style-src')).toBe("'self'");
  expect(csp.get('img-src')).toBe("'self' data: blob:");
  expect(csp.get('media-src')).toBe("'self' blob: data:");
  expect(csp.get('worker-src')).toBe("'self' blob:");
  expect(csp.get('connect-src')).toBe("'self'");
  expect(csp.get('object-src')).toBe("'none'");
  expect(csp.get('base-uri')).toBe("'none'");
  expect(csp.get('frame-ancestors')).toBe("'none'");
  expect(csp.get('form-action')).toBe("'self'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  const permissions = String(response.headers['permissions-policy']).split(/,\s*/);
  expect(permissions).toContain('microphone=(self)');
  expect(permissions).toContain('screen-wake-lock=(self)');
  expect(permissions).toContain('camera=()');
}

it('never allows inline or evaluated script', async () => {
  const response = await server.app().inject({ url: '/' });
  const csp = String(response.headers['content-security-policy']);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
});

describe('HTTPS only, once a browser has come over HTTPS', () => {
  const behindProxy = useAppOverFakeWebRoot({ trustProxy: true });
  const overHttps = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'clinic.example' };

  it.each([
    ['the app shell', '/'],
    ['the API', '/api/health'],
    ['a 404', '/missing.png'],
  ])('tells the browser to stay on HTTPS for a year on %s', async (_what, url) => {
    const response = await behindProxy.app().inject({ url, headers: overHttps });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('says nothing of HTTPS over plain HTTP', async () => {
    const response = await behindProxy.app().inject({ url: '/' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('does not take the word of a proxy it was not told to trust', async () => {
    const response = await server.app().inject({ url: '/', headers: overHttps });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});
