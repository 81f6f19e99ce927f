// Sessions end on their own (RELIABILITY.md row 24; HIPAA automatic
// logoff): after the idle timeout with no request, or at the absolute
// lifetime however busy the device is; then sign-in is required again. Staff
// sessions are shorter than clients' (settings.ts: half an hour idle and
// twelve hours at most for staff; thirty days idle and ninety at most for
// clients). The test clock moves instead of the test waiting.
import { expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SessionLifetime } from '../../src/settings.js';
import type { Account } from '../../src/storage/types.js';
import { describeEachBackend } from '../support/backends.js';
import { addAccount, newAccount } from '../support/fixtures.js';
import { callApi, cookieFor } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { knownPasswordHashOnce, KNOWN_PASSWORD, newScene } from './scene.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const LIFETIMES = {
  therapist: DEFAULT_SETTINGS.staffSession,
  client: DEFAULT_SETTINGS.clientSession,
} as const satisfies Record<string, SessionLifetime>;

function inWords(ms: number): string {
  if (ms >= DAY_MS) return `${ms / DAY_MS} days`;
  if (ms >= HOUR_MS) return `${ms / HOUR_MS} hours`;
  return `${ms / MINUTE_MS} minutes`;
}

describeEachBackend('session lifetimes', (backend) => {
  const server = useTestApp(backend);
  const { clock } = server;

  const personWith = async (role: keyof typeof LIFETIMES): Promise<Account> => {
    const scene = await newScene(server);
    return role === 'client' ? scene.north.client : scene.north.therapist;
  };

  const me = (cookie: string) => callApi(server.app(), { url: '/api/me', cookie });

  it('gives staff shorter sessions than clients, idle and absolute, as documented', () => {
    expect(LIFETIMES.therapist).toEqual({
      idleTimeoutMs: 30 * MINUTE_MS,
      absoluteLifetimeMs: 12 * HOUR_MS,
    });
    expect(LIFETIMES.client).toEqual({
      idleTimeoutMs: 30 * DAY_MS,
      absoluteLifetimeMs: 90 * DAY_MS,
    });
  });

  for (const [role, lifetime] of Object.entries(LIFETIMES) as [
    keyof typeof LIFETIMES,
    SessionLifetime,
  ][]) {
    const idle = inWords(lifetime.idleTimeoutMs);
    const absolute = inWords(lifetime.absoluteLifetimeMs);

    it(`a ${role} away for just under ${idle} is still signed in; longer, and must sign in again`, async () => {
      const cookie = await cookieFor(server.storage(), await personWith(role), clock.now());
      clock.advance(lifetime.idleTimeoutMs - MINUTE_MS);
      expect((await me(cookie)).statusCode).toBe(200);
      clock.advance(lifetime.idleTimeoutMs + 1);
      const expired = await me(cookie);
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ code: 'session_expired' });
      expect(expired.cookies).toEqual([
        expect.objectContaining({ name: 'glutewake_session', value: '', httpOnly: true }),
      ]);
    });

    it(`a ${role} busy all along is signed out after ${absolute}`, async () => {
      const startedAt = clock.now();
      const cookie = await cookieFor(server.storage(), await personWith(role), startedAt);
      const step = lifetime.idleTimeoutMs / 2;
      while (clock.now() + step < startedAt + lifetime.absoluteLifetimeMs) {
        clock.advance(step);
        expect((await me(cookie)).statusCode, inWords(clock.now() - startedAt)).toBe(200);
      }
      clock.set(startedAt + lifetime.absoluteLifetimeMs - 1);
      expect((await me(cookie)).json()).toMatchObject({
        session: { expiresAt: startedAt + lifetime.absoluteLifetimeMs },
      });
      clock.advance(1);
      expect((await me(cookie)).statusCode).toBe(401);
    });
  }

  it('after half an hour and a second away, a therapist must sign in again and a client need not', async () => {
    const therapist = await cookieFor(server.storage(), await personWith('therapist'), clock.now());
    const client = await cookieFor(server.storage(), await personWith('client'), clock.now());
    clock.advance(30 * MINUTE_MS + 1000);
    expect((await me(therapist)).statusCode).toBe(401);
    expect((await me(client)).statusCode).toBe(200);
  });

  it('keeps an ended session ended, even when the clock is set back', async () => {
    const startedAt = clock.now();
    const cookie = await cookieFor(server.storage(), await personWith('therapist'), startedAt);
    clock.advance(LIFETIMES.therapist.idleTimeoutMs + 1);
    expect((await me(cookie)).statusCode).toBe(401);
    const endedAt = clock.now();
    clock.set(startedAt);
    expect((await me(cookie)).statusCode).toBe(401);
    clock.set(endedAt);
  });

  for (const role of ['therapist', 'client'] as const) {
    it(`lets a ${role} sign in again, the old cookie still sent, to a fresh session of the ${role}’s length`, async () => {
      const scene = await newScene(server);
      const account = await addAccount(
        server.storage(),
        newAccount(scene.north.clinic.id, role, {
          passwordHash: await knownPasswordHashOnce(),
          therapistId: role === 'client' ? scene.north.therapist.id : null,
        }),
      );
      const oldCookie = await cookieFor(server.storage(), account, clock.now());
      clock.advance(LIFETIMES[role].absoluteLifetimeMs);
      expect((await me(oldCookie)).statusCode).toBe(401);
      const signIn = await callApi(server.app(), {
        method: 'POST',
        url: '/api/auth/sign-in',
        cookie: oldCookie,
        body: { email: account.email, password: KNOWN_PASSWORD },
      });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.cookies).toEqual([
        expect.objectContaining({
          name: 'glutewake_session',
          maxAge: LIFETIMES[role].absoluteLifetimeMs / 1000,
        }),
      ]);
      const [fresh] = signIn.cookies;
      const again = await me(`glutewake_session=${fresh?.value}`);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({
        id: account.id,
        session: {
          idleTimeoutSeconds: LIFETIMES[role].idleTimeoutMs / 1000,
          expiresAt: clock.now() + LIFETIMES[role].absoluteLifetimeMs,
        },
      });
    });
  }
});
