// Ending an account's access ends it on every device at once (RELIABILITY.md
// row 23): signing out, the owner disabling the account, the owner removing
// a therapist from the clinic. The account is signed in on three devices;
// afterwards each device's next request, to any route, is a 401, while
// everybody else stays signed in. A removed therapist cannot sign back in,
// and a sign-in still under way when the account is disabled gets no session.
import { expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Account, Storage } from '../../src/storage/types.js';
import { makeFakeWebRoot } from '../fake-web-root.js';
import { describeEachBackend } from '../support/backends.js';
import { addAccount, newAccount } from '../support/fixtures.js';
import { callApi, cookieFor } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import {
  accountWithKnownPassword,
  auditLogOf,
  knownPasswordHashOnce,
  KNOWN_PASSWORD,
  newScene,
} from './scene.js';

const DEVICES = ['phone', 'tablet', 'laptop'] as const;

describeEachBackend('ending an account’s sessions', (backend) => {
  const server = useTestApp(backend);

  const devicesOf = async (account: Account) => {
    const cookies: string[] = [];
    for (const _device of DEVICES) {
      cookies.push(await cookieFor(server.storage(), account, server.clock.now()));
    }
    return cookies;
  };

  /** What the next request of each device gets, on a read and on a state-changing route. */
  const nextRequestsOf = async (cookies: readonly string[]) => {
    const statuses: number[] = [];
    for (const cookie of cookies) {
      const me = await callApi(server.app(), { url: '/api/me', cookie });
      const signOut = await callApi(server.app(), {
        method: 'POST',
        url: '/api/auth/sign-out',
        cookie,
      });
      statuses.push(me.statusCode, signOut.statusCode);
      expect(me.json()).toMatchObject({ code: 'session_expired' });
    }
    return statuses;
  };

  const stillSignedIn = async (accounts: readonly Account[]) => {
    for (const account of accounts) {
      const cookie = await cookieFor(server.storage(), account, server.clock.now());
      const me = await callApi(server.app(), { url: '/api/me', cookie });
      expect(me.statusCode, account.role).toBe(200);
    }
  };

  for (const role of ['owner', 'therapist', 'client'] as const) {
    it(`signing out on one device signs a ${role} out on every device`, async () => {
      const scene = await newScene(server);
      const account = {
        owner: scene.north.owner,
        therapist: scene.north.therapist,
        client: scene.north.client,
      }[role];
      const [phone = '', ...others] = await devicesOf(account);
      const bystander = scene.cookieOf(role === 'client' ? 'otherClient' : 'otherTherapist');
      const response = await callApi(server.app(), {
        method: 'POST',
        url: '/api/auth/sign-out',
        cookie: phone,
      });
      expect(response.statusCode).toBe(204);
      // The scene's own session of the account ends too: four sessions in all.
      const log = await auditLogOf(server.storage(), account.clinicId);
      expect(log.at(-1)).toMatchObject({ kind: 'signed-out', detail: { sessionsEnded: 4 } });
      expect(await nextRequestsOf([phone, ...others])).toEqual(Array(6).fill(401));
      const me = await callApi(server.app(), { url: '/api/me', cookie: bystander });
      expect(me.statusCode).toBe(200);
    });
  }

  for (const role of ['therapist', 'client'] as const) {
    it(`the owner disabling a ${role} signs it out on every device`, async () => {
      const scene = await newScene(server);
      const account = role === 'client' ? scene.north.client : scene.north.otherTherapist;
      const devices = await devicesOf(account);
      const response = await callApi(server.app(), {
        method: 'POST',
        url: `/api/accounts/${account.id}/disable`,
        cookie: scene.cookieOf('owner'),
      });
      expect(response.statusCode).toBe(204);
      expect(await nextRequestsOf(devices)).toEqual(Array(6).fill(401));
      await stillSignedIn([scene.north.owner, scene.north.otherClient]);
    });
  }

  it('a sign-in still checking its password when the account is disabled gets no session', async () => {
    const scene = await newScene(server);
    const account = await accountWithKnownPassword(scene);
    const storage = server.storage();
    // The owner's disable lands after the password was found right, just
    // before the session would be stored.
    const racing: Storage = {
      ...storage,
      authSessions: {
        ...storage.authSessions,
        async create(session) {
          const disabled = await callApi(server.app(), {
            method: 'POST',
            url: `/api/accounts/${account.id}/disable`,
            cookie: scene.cookieOf('owner'),
          });
          expect(disabled.statusCode).toBe(204);
          return storage.authSessions.create(session);
        },
      },
    };
    const webRoot = makeFakeWebRoot();
    const app = buildApp({ webRoot: webRoot.path, storage: racing, now: server.clock.now });
    try {
      const signIn = await callApi(app, {
        method: 'POST',
        url: '/api/auth/sign-in',
        body: { email: account.email, password: KNOWN_PASSWORD },
      });
      expect(signIn.statusCode).toBe(401);
      expect(signIn.json()).toMatchObject({ code: 'sign_in_failed' });
      expect(signIn.headers['set-cookie']).toBeUndefined();
    } finally {
      await app.close();
      webRoot.remove();
    }
  });

  it('the owner removing a therapist signs them out on every device, for good', async () => {
    const scene = await newScene(server);
    const leaver = await addAccount(
      server.storage(),
      newAccount(scene.north.clinic.id, 'therapist', {
        passwordHash: await knownPasswordHashOnce(),
      }),
    );
    const devices = await devicesOf(leaver);
    const response = await callApi(server.app(), {
      method: 'POST',
      url: `/api/staff/${leaver.id}/remove`,
      cookie: scene.cookieOf('owner'),
    });
    expect(response.statusCode).toBe(204);
    expect(await nextRequestsOf(devices)).toEqual(Array(6).fill(401));
    const signInAgain = await callApi(server.app(), {
      method: 'POST',
      url: '/api/auth/sign-in',
      body: { email: leaver.email, password: KNOWN_PASSWORD },
    });
    expect(signInAgain.statusCode).toBe(401);
    expect(signInAgain.json()).toMatchObject({ code: 'sign_in_failed' });
    await stillSignedIn([scene.north.owner, scene.north.therapist, scene.north.client]);
  });

  it('removing a therapist hands their clients to the owner, whose sessions go on', async () => {
    const scene = await newScene(server);
    const { north } = scene;
    const clientDevices = await devicesOf(north.client);
    await callApi(server.app(), {
      method: 'POST',
      url: `/api/staff/${north.therapist.id}/remove`,
      cookie: scene.cookieOf('owner'),
    });
    for (const cookie of clientDevices) {
      expect((await callApi(server.app(), { url: '/api/me', cookie })).statusCode).toBe(200);
    }
    const detail = await callApi(server.app(), {
      url: `/api/clients/${north.client.id}`,
      cookie: scene.cookieOf('owner'),
    });
    expect(detail.json()).toMatchObject({ therapistId: north.owner.id });
  });
});
