// Signing in: the right password opens a session; a wrong one, an unknown
// email or a disabled account all get the same answer; guessing is limited
// per address and per account (429 with Retry-After), and every attempt is
// audited.
import { beforeAll, expect, it } from 'vitest';
import { DECOY_LOGIN } from '../../src/api/account-routes.js';
import { hashPassword } from '../../src/auth/passwords.js';
import type { Account } from '../../src/storage/types.js';
import { describeEachBackend } from '../support/backends.js';
import { addAccount, clinicWithOwner, newAccount, newClinic } from '../support/fixtures.js';
import { callApi, cookieFrom } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery staple';

describeEachBackend('POST /api/auth/sign-in', (backend) => {
  const server = useTestApp(backend);
  let owner: Account;
  let client: Account;
  let passwordHash: string;

  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
    const clinic = await clinicWithOwner(server.storage());
    owner = clinic.owner;
    client = await addAccount(
      server.storage(),
      newAccount(clinic.clinic.id, 'client', { passwordHash, therapistId: owner.id }),
    );
  });

  let addressCounter = 0;
  const signIn = (email: string, password: string, address?: string) => {
    addressCounter += 1;
    return callApi(server.app(), {
      method: 'POST',
      url: '/api/auth/sign-in',
      body: { email, password },
      remoteAddress: address ?? `10.0.0.${addressCounter}`,
    });
  };

  const auditKinds = async () =>
    (await server.storage().audit.list(owner.clinicId, { limit: 200 })).map((entry) => [
      entry.kind,
      entry.subjectId,
    ]);

  it('signs in with the right password, whatever the email’s case, and audits it', async () => {
    const response = await signIn(client.email.toUpperCase(), PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: client.id, role: 'client' });
    const me = await callApi(server.app(), { url: '/api/me', cookie: cookieFrom(response) });
    expect(me.json()).toMatchObject({ id: client.id, session: { idleTimeoutSeconds: 30 * 86400 } });
    expect(await auditKinds()).toContainEqual(['sign-in.succeeded', client.id]);
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    const wrong = await signIn(client.email, 'not the password');
    const unknown = await signIn('nobody@example.test', PASSWORD);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'sign_in_failed' });
      expect(response.cookies).toEqual([]);
    }
    expect(wrong.json()).toEqual(unknown.json());
    expect(await auditKinds()).toContainEqual(['sign-in.failed', client.id]);
  });

  it('limits guesses per account, then answers 429 even to the right password', async () => {
    const victim = await addAccount(
      server.storage(),
      newAccount(owner.clinicId, 'therapist', { passwordHash }),
    );
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn(victim.email, `guess ${attempt}`)).statusCode).toBe(401);
    }
    const limited = await signIn(victim.email, PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'too_many_attempts' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await auditKinds()).toContainEqual(['sign-in.rate-limited', victim.id]);

    server.clock.advance(15 * 60 * 1000 + 1);
    expect((await signIn(victim.email, PASSWORD)).statusCode).toBe(200);
  });

  it('limits guesses per address, whichever emails they try', async () => {
    const address = '192.0.2.77';
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await signIn(`guess${attempt}@example.test`, 'whatever password', address);
      expect(response.statusCode).toBe(401);
    }
    const limited = await signIn(client.email, PASSWORD, address);
    expect(limited.statusCode).toBe(429);
    expect((await signIn(client.email, PASSWORD, '192.0.2.78')).statusCode).toBe(200);
  });

  it('never signs an unknown email in, even as an account that has the decoy’s ids', async () => {
    // The ids an unknown email is looked up as; no real row has them, but if one did…
    await server.storage().clinics.create({ ...newClinic('Decoy'), id: DECOY_LOGIN.clinicId });
    const decoyOwner = await addAccount(
      server.storage(),
      newAccount(DECOY_LOGIN.clinicId, 'owner', { id: DECOY_LOGIN.accountId, passwordHash }),
    );
    expect((await signIn('nobody.at.all@example.test', PASSWORD)).statusCode).toBe(401);
    expect((await signIn(decoyOwner.email, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const leaver = await addAccount(
      server.storage(),
      newAccount(owner.clinicId, 'client', { passwordHash, therapistId: owner.id }),
    );
    await server.storage().accounts.disable(owner.clinicId, leaver.id, server.clock.now());
    const response = await signIn(leaver.email, PASSWORD);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'sign_in_failed' });
  });
});
