// Password guessing (RELIABILITY.md row 25), beyond what test/api/sign-in
// covers (the 429s per address and per account, and that they lift): every
// failed guess leaves its own audit entry, and so does every refusal;
// guesses sent all at once meet the same limits as guesses one by one; the
// limits live in the database, so guesses spread over two server processes
// add up; guessing invitation codes, or probing emails with a valid one,
// uses up the same address's allowance;
// passwords chosen when accepting an invitation are stored as argon2id.
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { DEFAULT_SETTINGS } from '../../src/settings.js';
import { storageOver } from '../../src/storage/storage.js';
import { makeFakeWebRoot } from '../fake-web-root.js';
import { describeEachBackend } from '../support/backends.js';
import { callApi, type ApiRequest } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { accountWithKnownPassword, auditLogOf, KNOWN_PASSWORD, newScene } from './scene.js';

const { signInFailuresPerAccount, signInFailuresPerAddress } = DEFAULT_SETTINGS;

let addressCounter = 0;
function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

describeEachBackend('password guessing', (backend) => {
  const server = useTestApp(backend);

  const signIn = (email: string, password: string, remoteAddress = freshAddress()): ApiRequest => ({
    method: 'POST',
    url: '/api/auth/sign-in',
    body: { email, password },
    remoteAddress,
  });

  it('audits every failed guess and every refusal, with the address it came from', async () => {
    const scene = await newScene(server);
    const victim = await accountWithKnownPassword(scene);
    const addresses: string[] = [];
    for (let guess = 0; guess < signInFailuresPerAccount + 2; guess++) {
      const address = freshAddress();
      addresses.push(address);
      await callApi(server.app(), signIn(victim.email, `guess number ${guess}`, address));
    }
    const entries = (await auditLogOf(server.storage(), victim.clinicId)).filter(
      (entry) => entry.subjectId === victim.id,
    );
    expect(entries.map((entry) => [entry.kind, entry.address])).toEqual(
      addresses.map((address, guess) => [
        guess < signInFailuresPerAccount ? 'sign-in.failed' : 'sign-in.rate-limited',
        address,
      ]),
    );
  });

  it('limits an email with no account exactly like one with an account, so it tells nothing', async () => {
    const scene = await newScene(server);
    const victim = await accountWithKnownPassword(scene);
    const statusesFor = async (email: string) => {
      const statuses: number[] = [];
      for (let guess = 0; guess < signInFailuresPerAccount + 2; guess++) {
        const response = await callApi(server.app(), signIn(email, `guess number ${guess}`));
        statuses.push(response.statusCode);
      }
      return statuses;
    };
    const known = await statusesFor(victim.email);
    expect(known).toContain(429);
    expect(await statusesFor(`nobody.${victim.id}@example.test`)).toEqual(known);
  });

  it('limits guesses sent all at once as tightly as guesses sent one by one', async () => {
    const scene = await newScene(server);
    const victim = await accountWithKnownPassword(scene);
    const statusesOf = async (requests: ApiRequest[]) =>
      (await Promise.all(requests.map((request) => callApi(server.app(), request)))).map(
        (response) => response.statusCode,
      );
    const atAccount = await statusesOf(
      Array.from({ length: signInFailuresPerAccount * 3 }, (_, guess) =>
        signIn(victim.email, `parallel guess ${guess}`),
      ),
    );
    expect(atAccount.filter((status) => status === 401)).toHaveLength(signInFailuresPerAccount);
    expect(atAccount.filter((status) => status === 429)).toHaveLength(signInFailuresPerAccount * 2);
    expect((await callApi(server.app(), signIn(victim.email, KNOWN_PASSWORD))).statusCode).toBe(
      429,
    );

    const other = await accountWithKnownPassword(scene);
    const address = freshAddress();
    const fromOneAddress = await statusesOf(
      Array.from({ length: signInFailuresPerAddress + 10 }, (_, guess) =>
        signIn(`nobody-${guess}@example.test`, `parallel guess ${guess}`, address),
      ),
    );
    expect(fromOneAddress.filter((status) => status === 401)).toHaveLength(
      signInFailuresPerAddress,
    );
    const right = await callApi(server.app(), signIn(other.email, KNOWN_PASSWORD, address));
    expect(right.statusCode).toBe(429);
  });

  it('adds up guesses spread over two server processes sharing the database', async () => {
    const scene = await newScene(server);
    const victim = await accountWithKnownPassword(scene);
    const webRoot = makeFakeWebRoot();
    const secondProcess = buildApp({
      webRoot: webRoot.path,
      storage: storageOver(server.database().reopen()),
      now: server.clock.now,
    });
    try {
      for (let guess = 0; guess < signInFailuresPerAccount; guess++) {
        const app = guess % 2 === 0 ? server.app() : secondProcess;
        expect((await callApi(app, signIn(victim.email, `guess ${guess}`))).statusCode).toBe(401);
      }
      for (const app of [server.app(), secondProcess]) {
        const limited = await callApi(app, signIn(victim.email, KNOWN_PASSWORD));
        expect(limited.statusCode).toBe(429);
      }
    } finally {
      await secondProcess.close();
      webRoot.remove();
    }
  });

  it('counts wrong invitation codes against the address, for sign-in too', async () => {
    const scene = await newScene(server);
    const account = await accountWithKnownPassword(scene);
    const address = freshAddress();
    for (let guess = 0; guess < signInFailuresPerAddress; guess++) {
      const response = await callApi(server.app(), {
        method: 'POST',
        url: '/api/invitations/inspect',
        body: { code: `WRONG-CODE-${guess}` },
        remoteAddress: address,
      });
      expect(response.statusCode).toBe(404);
    }
    const inspect = await callApi(server.app(), {
      method: 'POST',
      url: '/api/invitations/inspect',
      body: { code: scene.north.invitationCode },
      remoteAddress: address,
    });
    expect(inspect.statusCode).toBe(429);
    expect(Number(inspect.headers['retry-after'])).toBeGreaterThan(0);
    const signInFromThere = await callApi(
      server.app(),
      signIn(account.email, KNOWN_PASSWORD, address),
    );
    expect(signInFromThere.statusCode).toBe(429);
  });

  it('counts accepts refused for a taken email against the address: a valid code is no way to list emails', async () => {
    const scene = await newScene(server);
    const address = freshAddress();
    const acceptAs = (email: string) =>
      callApi(server.app(), {
        method: 'POST',
        url: '/api/invitations/accept',
        body: {
          code: scene.north.invitationCode,
          email,
          password: KNOWN_PASSWORD,
          displayName: 'Someone Probing',
        },
        remoteAddress: address,
      });
    for (let probe = 0; probe < signInFailuresPerAddress; probe++) {
      expect((await acceptAs(scene.north.client.email)).statusCode).toBe(409);
    }
    expect((await acceptAs('a.new.person@example.test')).statusCode).toBe(429);
  });

  it('stores the password chosen when accepting an invitation as argon2id', async () => {
    const scene = await newScene(server);
    const response = await callApi(server.app(), {
      method: 'POST',
      url: '/api/invitations/accept',
      body: {
        code: scene.north.invitationCode,
        email: 'robin.joiner@example.test',
        password: KNOWN_PASSWORD,
        displayName: 'Robin Joiner',
      },
    });
    expect(response.statusCode).toBe(201);
    const { id } = response.json<{ id: string }>();
    const hash = await server.storage().accounts.passwordHashOf(scene.north.clinic.id, id);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(KNOWN_PASSWORD);
  });
});

describe('password guessing at emails nobody has [sqlite]', () => {
  // Such entries belong to no clinic; PostgreSQL's row-level security keeps
  // them from every clinic's view, so they are read here on SQLite directly.
  const server = useTestApp('sqlite');

  it('audits each guess, with no clinic, no subject and the address', async () => {
    const address = freshAddress();
    for (let guess = 0; guess < 3; guess++) {
      const response = await callApi(server.app(), {
        method: 'POST',
        url: '/api/auth/sign-in',
        body: { email: `nobody${guess}@example.test`, password: 'some password' },
        remoteAddress: address,
      });
      expect(response.statusCode).toBe(401);
    }
    const entries = await server
      .database()
      .handle.kysely.selectFrom('audit_log')
      .select(['kind', 'clinic_id', 'subject_id'])
      .where('address', '=', address)
      .execute();
    expect(entries).toEqual(
      Array(3).fill({ kind: 'sign-in.failed', clinic_id: null, subject_id: null }),
    );
  });
});
