// Requests from other sites (RELIABILITY.md row 26): every state-changing
// route of the route table refuses a request whose Origin is another site's,
// "null", or missing (as with a cross-site Sec-Fetch-Site), before it reads
// the body, however the path is spelled; a refusal to someone signed in is
// audited and changes nothing. Only the server's own origin, and those the
// operator allows, get through. The session cookie is HttpOnly and
// SameSite=Strict from every route that sets it, and over HTTPS (behind a
// trusted proxy) Secure with the __Host- prefix; proxy headers from an
// untrusted peer change nothing.
import { expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { routeTable } from '../../src/api/routes.js';
import { describeEachBackend } from '../support/backends.js';
import { callApi, cookieFor, type ApiRequest } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { allowedCallerOf, requestFor, routeWithId } from './route-requests.js';
import { auditLogOf, newScene, type Scene } from './scene.js';

const stateChangingRoutes = routeTable.filter((route) => route.method !== 'GET');

/** Requests another site's page could make, and what makes each foreign. */
const FOREIGN_SENDERS: Readonly<Record<string, Pick<ApiRequest, 'origin' | 'headers'>>> = {
  'another site’s Origin': { origin: 'https://evil.example' },
  'the same host on another port': { origin: 'http://localhost:8080' },
  'the same host over another scheme': { origin: 'https://localhost' },
  'a subdomain': { origin: 'http://evil.localhost' },
  'Origin "null" (a sandboxed frame)': { origin: 'null' },
  'no Origin, and a cross-site Sec-Fetch-Site': {
    origin: null,
    headers: { 'sec-fetch-site': 'cross-site' },
  },
};

/** The path of an API request with "/api/" spelled in percent-escapes, as a router reads it. */
function escapedApiPath(url: string): string {
  return url.replace(/^\/api\//, '/%61%70%69/');
}

const HTTPS_PROXY_HEADERS = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'clinic.example' };
const HTTPS_ORIGIN = 'https://clinic.example';

function sessionCookiesOf(response: LightMyRequestResponse) {
  return response.cookies.filter((cookie) => cookie.name.endsWith('glutewake_session'));
}

describeEachBackend('requests from other sites', (backend) => {
  const server = useTestApp(backend, { allowedOrigins: ['https://app.example'] });

  const denialsIn = async (scene: Scene) => {
    const log = await auditLogOf(server.storage(), scene.north.clinic.id);
    return log.filter((entry) => entry.kind === 'access.denied');
  };

  for (const route of stateChangingRoutes) {
    it(`${route.method} ${route.url} (${route.id}) refuses every foreign request`, async () => {
      const scene = await newScene(server);
      const caller = allowedCallerOf(route);
      const request = await requestFor(route, scene, caller);
      const spellings = [request.url, escapedApiPath(request.url)];
      for (const [foreign, sender] of Object.entries(FOREIGN_SENDERS)) {
        for (const url of spellings) {
          const response = await callApi(server.app(), { ...request, ...sender, url });
          expect(response.statusCode, `${foreign}, ${url}`).toBe(403);
          expect(response.json()).toMatchObject({ code: 'origin_refused' });
        }
      }
      const signedIn = scene.accountOf(caller) !== null;
      const denials = await denialsIn(scene);
      expect(denials).toHaveLength(signedIn ? Object.keys(FOREIGN_SENDERS).length * 2 : 0);
      for (const denial of denials) expect(denial.detail).toMatchObject({ reason: 'origin' });
    });
  }

  it('refuses a foreign request before reading its body', async () => {
    const response = await server.app().inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: '{"email": "truncated',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'origin_refused' });
  });

  it('changes nothing when it refuses: the session is still there, the server still unset', async () => {
    const scene = await newScene(server);
    const signOut = await callApi(server.app(), {
      method: 'POST',
      url: '/api/auth/sign-out',
      cookie: scene.cookieOf('client'),
      origin: 'https://evil.example',
    });
    expect(signOut.statusCode).toBe(403);
    expect(signOut.cookies).toEqual([]);
    const me = await callApi(server.app(), { url: '/api/me', cookie: scene.cookieOf('client') });
    expect(me.statusCode).toBe(200);
  });

  it('lets the server’s own origin and the ones the operator allowed through', async () => {
    for (const origin of ['http://localhost', 'http://localhost:80', 'https://app.example']) {
      const scene = await newScene(server);
      const response = await callApi(server.app(), {
        method: 'PUT',
        url: '/api/me/sharing',
        cookie: scene.cookieOf('client'),
        origin,
        body: { history: 'all', symptoms: false, notes: false },
      });
      expect(response.statusCode, origin).toBe(200);
    }
  });

  it('refuses its own origin under a name outside DNS can give it (DNS rebinding), unless listed', async () => {
    // A page at http://rebound.example whose name the attacker then points at
    // this server sends Host and Origin that match each other.
    const claim = (host: string) =>
      callApi(server.app(), {
        method: 'POST',
        url: '/api/setup',
        origin: `http://${host}`,
        headers: { host },
        body: {
          clinicName: 'Rebound',
          displayName: 'Someone',
          email: 'someone@rebound.example',
          password: 'a long enough password',
        },
      });
    for (const host of ['rebound.example', 'rebound.example:8080', 'app.example']) {
      const response = await claim(host);
      expect(response.statusCode, host).toBe(403);
      expect(response.json()).toMatchObject({ code: 'origin_refused' });
    }
    expect((await callApi(server.app(), { url: '/api/setup' })).json()).toEqual({ needed: true });
  });

  it('takes its own origin from an address, localhost, a name without dots or a .local name', async () => {
    const hosts = [
      'localhost:8080',
      '127.0.0.1:8080',
      '192.168.1.20:8080',
      '[::1]:8080',
      '[fe80::1]',
      'studio.local:8080',
      'glutewake:8080',
      'mat.localhost',
    ];
    for (const host of hosts) {
      const scene = await newScene(server);
      const response = await callApi(server.app(), {
        method: 'PUT',
        url: '/api/me/sharing',
        cookie: scene.cookieOf('client'),
        origin: `http://${host}`,
        headers: { host },
        body: { history: 'all', symptoms: false, notes: false },
      });
      expect(response.statusCode, host).toBe(200);
    }
  });

  // Walks every route with a scene of its own: time grows with the route table.
  it(
    'sets an HttpOnly, SameSite=Strict session cookie, not Secure over plain HTTP',
    { timeout: 60_000 },
    async () => {
      const setters: string[] = [];
      for (const route of routeTable) {
        const scene = await newScene(server);
        const request = await requestFor(route, scene, allowedCallerOf(route));
        const response = await callApi(server.app(), request);
        for (const cookie of sessionCookiesOf(response)) {
          setters.push(route.id);
          expect(cookie, route.id).toMatchObject({
            name: 'glutewake_session',
            httpOnly: true,
            sameSite: 'Strict',
            path: '/',
          });
          expect(cookie.secure, route.id).toBeFalsy();
          expect(cookie.domain, route.id).toBeUndefined();
        }
      }
      expect(setters).toEqual(
        expect.arrayContaining(['setUpServer', 'signIn', 'signOut', 'acceptInvitation']),
      );
    },
  );
});

describeEachBackend('the session cookie over HTTPS behind a trusted proxy', (backend) => {
  // A server reached by a public name lists its origin (see the rebinding test).
  const server = useTestApp(backend, { trustProxy: true, allowedOrigins: [HTTPS_ORIGIN] });

  const overHttps = (request: ApiRequest): ApiRequest => ({
    ...request,
    origin: HTTPS_ORIGIN,
    cookie: request.cookie?.replace(/^glutewake_session=/, '__Host-glutewake_session=') ?? null,
    headers: { ...request.headers, ...HTTPS_PROXY_HEADERS },
  });

  // Walks every route with a scene of its own: time grows with the route table.
  it(
    'is Secure and __Host- prefixed from every route that sets it',
    { timeout: 60_000 },
    async () => {
      const setters: string[] = [];
      for (const route of routeTable) {
        const scene = await newScene(server);
        const request = await requestFor(route, scene, allowedCallerOf(route));
        const response = await callApi(server.app(), overHttps(request));
        expect(response.statusCode, `${route.id}: ${response.body.slice(0, 200)}`).toBe(
          route.success.status,
        );
        for (const cookie of sessionCookiesOf(response)) {
          setters.push(route.id);
          expect(cookie, route.id).toMatchObject({
            name: '__Host-glutewake_session',
            secure: true,
            httpOnly: true,
            sameSite: 'Strict',
            path: '/',
          });
          expect(cookie.domain, route.id).toBeUndefined();
        }
      }
      expect(setters).toEqual(
        expect.arrayContaining(['setUpServer', 'signIn', 'signOut', 'acceptInvitation']),
      );
    },
  );

  it('takes no session from a cookie without the __Host- prefix', async () => {
    // A plain-named cookie can be planted by a sibling subdomain or over plain
    // HTTP; the prefix is what tells a cookie this server set over HTTPS.
    const scene = await newScene(server);
    const request = overHttps({ url: '/api/me' });
    const planted = await callApi(server.app(), {
      ...request,
      cookie: scene.cookieOf('client'),
    });
    expect(planted.statusCode).toBe(401);
    const own = await callApi(server.app(), {
      ...request,
      cookie: `__Host-${scene.cookieOf('client')}`,
    });
    expect(own.statusCode).toBe(200);
  });

  it('refuses the plain-HTTP origin once the request came over HTTPS', async () => {
    const scene = await newScene(server);
    const response = await callApi(server.app(), {
      ...overHttps({ method: 'POST', url: '/api/auth/sign-out', cookie: scene.cookieOf('client') }),
      origin: 'http://clinic.example',
    });
    expect(response.statusCode).toBe(403);
  });
});

describeEachBackend('proxy headers from a peer that is not trusted', (backend) => {
  const server = useTestApp(backend);

  it('neither make the cookie Secure nor let an HTTPS origin through', async () => {
    const scene = await newScene(server);
    const account = scene.north.client;
    const forged = await callApi(server.app(), {
      method: 'POST',
      url: '/api/auth/sign-out',
      cookie: await cookieFor(server.storage(), account, server.clock.now()),
      origin: HTTPS_ORIGIN,
      headers: HTTPS_PROXY_HEADERS,
    });
    expect(forged.statusCode).toBe(403);
    const request = await requestFor(routeWithId('signIn'), scene, 'anonymous');
    const signIn = await callApi(server.app(), { ...request, headers: HTTPS_PROXY_HEADERS });
    expect(signIn.statusCode).toBe(200);
    expect(sessionCookiesOf(signIn)).toEqual([
      expect.objectContaining({ name: 'glutewake_session', httpOnly: true, sameSite: 'Strict' }),
    ]);
    expect(sessionCookiesOf(signIn)[0]?.secure).toBeFalsy();
  });
});
