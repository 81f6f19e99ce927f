// The first person to open a fresh server creates the clinic and its owner,
// once; the owner is signed in with a cookie that scripts cannot read and
// other sites cannot send.
import { describe, expect, it } from 'vitest';
import { errorRegistry } from '../../src/errors.js';
import { describeEachBackend } from '../support/backends.js';
import { callApi } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';

const setupBody = {
  clinicName: 'Glute Lab',
  displayName: 'Dana Owner',
  email: 'Dana@Example.test',
  password: 'a long enough password',
};

describeEachBackend('POST /api/setup', (backend) => {
  const server = useTestApp(backend);
  const call = (body: unknown) =>
    callApi(server.app(), { method: 'POST', url: '/api/setup', body });

  it('says a fresh server needs setting up', async () => {
    const response = await callApi(server.app(), { url: '/api/setup' });
    expect(response.json()).toEqual({ needed: true });
  });

  it('refuses a short password, and fields the server owns', async () => {
    const weak = await call({ ...setupBody, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'weak_password' });
    for (const extra of [{ role: 'owner' }, { clinicId: 'x' }, { therapistId: 'y' }]) {
      const response = await call({ ...setupBody, ...extra });
      expect(response.statusCode).toBe(400);
      const field = Object.keys(extra)[0] ?? '';
      expect(response.json()).toMatchObject({
        code: 'bad_request',
        problems: [`body has an unknown field "${field}"`],
      });
    }
  });

  it('creates the clinic and owner, and signs the owner in with a strict cookie', async () => {
    const response = await call(setupBody);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      role: 'owner',
      displayName: 'Dana Owner',
      email: 'dana@example.test',
      clinic: { name: 'Glute Lab' },
      sharing: null,
      session: { idleTimeoutSeconds: 30 * 60 },
    });
    const cookie = response.cookies[0];
    expect(cookie).toMatchObject({
      name: 'glutewake_session',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: 12 * 60 * 60,
    });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await callApi(server.app(), {
      url: '/api/me',
      cookie: `glutewake_session=${cookie?.value}`,
    });
    expect(me.json()).toMatchObject({ email: 'dana@example.test', role: 'owner' });
  });

  it('happens once: afterwards it is refused and the server says so', async () => {
    const again = await call({ ...setupBody, email: 'someone.else@example.test' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'setup_done',
      message: errorRegistry.setup_done.message,
    });
    expect((await callApi(server.app(), { url: '/api/setup' })).json()).toEqual({ needed: false });
  });

  it('stores the password as an argon2id hash', async () => {
    const login = await server.storage().accounts.findLogin('dana@example.test');
    const hash = await server
      .storage()
      .accounts.passwordHashOf(login?.clinicId ?? '', login?.accountId ?? '');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('two people setting up at the same moment', () => {
  const server = useTestApp('sqlite');

  it('lets exactly one of them create the clinic', async () => {
    const responses = await Promise.all(
      ['one', 'two', 'three'].map((who) =>
        callApi(server.app(), {
          method: 'POST',
          url: '/api/setup',
          body: { ...setupBody, email: `${who}@example.test` },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409]);
  });
});

describe('setup over HTTPS behind a proxy', () => {
  const server = useTestApp('sqlite', {
    trustProxy: true,
    allowedOrigins: ['https://clinic.example'],
  });

  it('sets a Secure, __Host- prefixed cookie', async () => {
    const response = await callApi(server.app(), {
      method: 'POST',
      url: '/api/setup',
      body: setupBody,
      origin: 'https://clinic.example',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'clinic.example' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.cookies[0]).toMatchObject({
      name: '__Host-glutewake_session',
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
  });
});
