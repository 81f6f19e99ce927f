// The sync routes as a device uses them: push batches (exactly once, gaps
// refused, broken events quarantined), ask for the cursor, pull program
// versions and read the quarantine. Each test names the RELIABILITY row it
// covers; every test runs on SQLite and on PostgreSQL.
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/storage/types.js';
import { describeEachBackend } from '../support/backends.js';
import { clinicWorld, addAccount, newAccount, type ClinicWorld } from '../support/fixtures.js';
import { callApi, cookieFor } from '../support/requests.js';
import { FakeDevice, pushBody, sessionLog } from '../support/sync.js';
import { useTestApp } from '../support/test-app.js';

const DAY_MS = 86_400_000;

describeEachBackend('sync routes', (backend) => {
  const server = useTestApp(backend);
  let world: ClinicWorld;
  beforeAll(async () => {
    world = await clinicWorld(server.storage());
  });

  const newClient = () =>
    addAccount(
      server.storage(),
      newAccount(world.clinic.id, 'client', { therapistId: world.therapist.id }),
    );

  const signedIn = async (account: Account) =>
    cookieFor(server.storage(), account, server.clock.now());

  const push = (cookie: string, body: unknown) =>
    callApi(server.app(), { method: 'POST', url: '/api/sync/push', cookie, body });

  const storedEvents = (client: Account) =>
    server.storage().sync.events(client.clinicId, client.id);

  const errorOf = (response: LightMyRequestResponse) => [response.statusCode, response.json().code];

  /** A client with a signed-in device that has recorded one whole session. */
  const deviceWithSession = async () => {
    const client = await newClient();
    const cookie = await signedIn(client);
    const device = new FakeDevice();
    const { sessionId, events } = sessionLog({ startAt: server.clock.now() });
    device.record(sessionId, events);
    return { client, cookie, device, sessionId, events };
  };

  describe('pushing', () => {
    it('row 1: the same batch sent twice gets the same acknowledgement and no new rows', async () => {
      const { client, cookie, device } = await deviceWithSession();
      const body = pushBody(device, client, device.slice(1, 20));
      const first = await push(cookie, body);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({
        deviceId: device.id,
        throughSeq: 20,
        nextSeq: 21,
        accepted: 20,
        quarantined: [],
      });
      server.clock.advance(1_000);
      const again = await push(cookie, body);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      expect(await storedEvents(client)).toHaveLength(20);
    });

    it('row 2: an acknowledgement lost after the commit, then a retry, applies exactly once', async () => {
      const { client, cookie, device } = await deviceWithSession();
      await push(cookie, pushBody(device, client, device.slice(1, 10)));
      // The device never saw that answer: it resends from its last acknowledged cursor (1).
      const retry = await push(cookie, pushBody(device, client, device.slice(1, 25)));
      expect(retry.json()).toMatchObject({ throughSeq: 25, nextSeq: 26, accepted: 25 });
      const stored = await storedEvents(client);
      expect(stored.map((each) => each.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it('row 3: a gap is refused with 409 naming the expected sequence, nothing applied', async () => {
      const { client, cookie, device } = await deviceWithSession();
      await push(cookie, pushBody(device, client, device.slice(1, 10)));
      const gap = await push(cookie, pushBody(device, client, device.slice(12, 5)));
      expect(gap.statusCode).toBe(409);
      expect(gap.json()).toMatchObject({ code: 'sync_gap', expectedSeq: 11 });
      expect(await storedEvents(client)).toHaveLength(10);
      const status = await callApi(server.app(), {
        url: `/api/sync/status?deviceId=${device.id}`,
        cookie,
      });
      expect(status.json()).toEqual({ deviceId: device.id, nextSeq: 11 });
    });

    it('refuses sequence numbers that are not consecutive, whole', async () => {
      const { client, cookie, device } = await deviceWithSession();
      const [one, two, three] = device.slice(1, 3);
      const swapped = [one, three, two].filter((each) => each !== undefined);
      const response = await push(cookie, pushBody(device, client, swapped));
      expect(response.statusCode).toBe(400);
      expect(response.json().problems).toEqual([
        expect.stringMatching(/events\[1\]\.seq must be 2/),
      ]);
      expect(await storedEvents(client)).toEqual([]);
    });

    it('row 5: a client clock off by days is accepted; both clocks are kept', async () => {
      const client = await newClient();
      const cookie = await signedIn(client);
      const device = new FakeDevice();
      const clientClock = server.clock.now() - 12 * DAY_MS;
      const { sessionId, events } = sessionLog({ startAt: clientClock });
      device.record(sessionId, events);
      const response = await push(cookie, pushBody(device, client, device.log));
      expect(response.statusCode).toBe(200);
      const [first] = await storedEvents(client);
      expect(first).toMatchObject({ clientAt: clientClock, receivedAt: server.clock.now() });
    });
  });

  describe('pushes that arrive together', () => {
    // On SQLite they share one group commit and are written in arrival
    // order; on PostgreSQL they race in transactions of their own, and a
    // push may find the gap its sibling is still filling. Either way nothing
    // is applied twice and a refused push is told where to go on.
    it('applies one device’s consecutive batches and a replay, each exactly once', async () => {
      const { client, cookie, device, events } = await deviceWithSession();
      const responses = await Promise.all([
        push(cookie, pushBody(device, client, device.slice(1, 10))),
        push(cookie, pushBody(device, client, device.slice(11, 10))),
        push(cookie, pushBody(device, client, device.slice(1, 10))),
        push(cookie, pushBody(device, client, device.slice(21))),
      ]);
      const statuses = responses.map((response) => response.statusCode);
      if (backend === 'sqlite') expect(statuses).toEqual([200, 200, 200, 200]);
      for (const response of responses.filter((each) => each.statusCode !== 200)) {
        expect(errorOf(response)).toEqual([409, 'sync_gap']);
      }
      // The device goes on from where the server says it stands.
      for (let round = 0; round < 4; round += 1) {
        const status = await callApi(server.app(), {
          url: `/api/sync/status?deviceId=${device.id}`,
          cookie,
        });
        const { nextSeq } = status.json() as { nextSeq: number };
        if (nextSeq > events.length) break;
        expect(
          (await push(cookie, pushBody(device, client, device.slice(nextSeq)))).statusCode,
        ).toBe(200);
      }
      const stored = await storedEvents(client);
      expect(stored.map((each) => each.seq)).toEqual(
        Array.from({ length: events.length }, (_, at) => at + 1),
      );
    });

    it('lets only one of two clients claim a device both push in the same moment', async () => {
      const alice = await deviceWithSession();
      const bob = await newClient();
      const bobCookie = await signedIn(bob);
      const [alices, bobs] = await Promise.all([
        push(alice.cookie, pushBody(alice.device, alice.client, alice.device.slice(1, 5))),
        push(bobCookie, pushBody(alice.device, bob, alice.device.slice(1, 5))),
      ]);
      if (backend === 'sqlite') expect(alices.statusCode).toBe(200);
      const [winner, loser] = alices.statusCode === 200 ? [alice.client, bob] : [bob, alice.client];
      expect([alices, bobs].map(errorOf).sort()).toEqual([
        [200, undefined],
        [403, 'device_taken'],
      ]);
      expect(await storedEvents(winner)).toHaveLength(5);
      expect(await storedEvents(loser)).toEqual([]);
    });
  });

  describe('quarantine', () => {
    it('row 11: an invalid event is quarantined with its reason, visible to its owner; the rest applies', async () => {
      const { client, cookie, device, events } = await deviceWithSession();
      const before = device.log.length;
      device.record('late-session', [
        { type: 'rep.completed', at: server.clock.now(), phase: 'wake-up', set: null, rep: -5 },
        { type: 'symptoms.logged', at: server.clock.now(), symptoms: { knee: 11 } },
      ]);
      const response = await push(cookie, pushBody(device, client, device.log));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        throughSeq: before + 2,
        nextSeq: before + 3,
        accepted: events.length,
        quarantined: [
          { seq: before + 1, reason: 'invalid-event', problems: [expect.stringMatching(/^rep /)] },
          { seq: before + 2, reason: 'invalid-event', problems: [expect.stringMatching(/knee/)] },
        ],
      });
      // Sent again, the acknowledgement is read back from what was stored: the very same one.
      const replayed = await push(cookie, pushBody(device, client, device.log));
      expect(replayed.json()).toEqual(response.json());
      const mine = await callApi(server.app(), { url: '/api/sync/quarantine', cookie });
      expect(mine.statusCode).toBe(200);
      expect(mine.json().events).toEqual([
        expect.objectContaining({
          seq: before + 2,
          reason: 'invalid-event',
          payload: { type: 'symptoms.logged', at: server.clock.now(), symptoms: { knee: 11 } },
        }),
        expect.objectContaining({ seq: before + 1, sessionId: 'late-session', index: 0 }),
      ]);
      const someoneElse = await signedIn(await newClient());
      const theirs = await callApi(server.app(), {
        url: '/api/sync/quarantine',
        cookie: someoneElse,
      });
      expect(theirs.json()).toEqual({ next: null, events: [] });
    });

    it('pages through a long quarantine, newest first, without skipping or repeating one', async () => {
      const client = await newClient();
      const cookie = await signedIn(client);
      const devices = [new FakeDevice(), new FakeDevice()];
      // Seven broken events from two devices, in two pushes at two moments.
      for (const [round, count] of [3, 4].entries()) {
        const device = devices[round] as FakeDevice;
        device.record(
          `broken-${round}`,
          Array.from({ length: count }, () => ({ type: 'levitation.started', at: 1 })),
        );
        expect((await push(cookie, pushBody(device, client, device.log))).statusCode).toBe(200);
        server.clock.advance(1000);
      }
      const pages: { seq: number; deviceId: string }[][] = [];
      let after: string | null = null;
      do {
        const query: string = after === null ? '' : `&after=${after}`;
        const page = await callApi(server.app(), {
          url: `/api/sync/quarantine?limit=3${query}`,
          cookie,
        });
        expect(page.statusCode).toBe(200);
        pages.push(page.json().events);
        after = page.json().next;
      } while (after !== null && pages.length < 10);
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      const seen = pages.flat().map(({ deviceId, seq }) => [deviceId, seq]);
      const [first, second] = devices.map((device) => device.id);
      expect(seen).toEqual([
        [second, 4],
        [second, 3],
        [second, 2],
        [second, 1],
        [first, 3],
        [first, 2],
        [first, 1],
      ]);
      const nonsense = await callApi(server.app(), {
        url: '/api/sync/quarantine?after=yesterday',
        cookie,
      });
      expect(errorOf(nonsense)).toEqual([400, 'bad_request']);
    });

    it('row 17: unknown event types and versions are parked as unknown; an unknown push format is refused', async () => {
      const { client, cookie, device } = await deviceWithSession();
      const [started] = device.log;
      device.record('from-a-newer-app', [
        { type: 'breath.held', at: server.clock.now(), seconds: 4 },
        { ...(started?.event as object), sessionId: 'from-a-newer-app', v: 2 },
      ]);
      const response = await push(cookie, pushBody(device, client, device.log));
      expect(response.json().quarantined.map((each: { reason: string }) => each.reason)).toEqual([
        'unknown-type',
        'unknown-version',
      ]);

      const newer = await push(
        cookie,
        pushBody(device, client, device.slice(1, 1), { syncVersion: 2 }),
      );
      expect(newer.statusCode).toBe(400);
      expect(newer.json()).toMatchObject({ code: 'unsupported_sync_version', supportedVersion: 1 });
    });
  });

  describe('who may push (row 20)', () => {
    it('refuses a batch for another client with 403, whole, and audits it', async () => {
      const { cookie, device } = await deviceWithSession();
      const bob = await newClient();
      const response = await push(cookie, pushBody(device, bob, device.log));
      expect(errorOf(response)).toEqual([403, 'sync_wrong_account']);
      expect(await storedEvents(bob)).toEqual([]);
      const audit = await server.storage().audit.list(world.clinic.id, { limit: 20 });
      expect(audit).toContainEqual(
        expect.objectContaining({
          kind: 'access.denied',
          detail: expect.objectContaining({ reason: 'sync_wrong_account', clientId: bob.id }),
        }),
      );
    });

    it('refuses a device or a session of client A pushed by client B, whole', async () => {
      const alice = await deviceWithSession();
      await push(alice.cookie, pushBody(alice.device, alice.client, alice.device.slice(1, 5)));
      const bob = await newClient();
      const bobCookie = await signedIn(bob);
      const withAlicesDevice = await push(
        bobCookie,
        pushBody(alice.device, bob, alice.device.slice(6, 5)),
      );
      expect(errorOf(withAlicesDevice)).toEqual([403, 'device_taken']);
      const status = await callApi(server.app(), {
        url: `/api/sync/status?deviceId=${alice.device.id}`,
        cookie: bobCookie,
      });
      expect(errorOf(status)).toEqual([403, 'device_taken']);

      const bobsDevice = new FakeDevice();
      const own = sessionLog();
      bobsDevice.record(own.sessionId, own.events);
      bobsDevice.record(alice.sessionId, alice.events.slice(5, 8), 5);
      const withAlicesSession = await push(bobCookie, pushBody(bobsDevice, bob, bobsDevice.log));
      expect(errorOf(withAlicesSession)).toEqual([403, 'session_taken']);
      // Even an event the server cannot read is no way into Alice's session.
      const bobsOtherDevice = new FakeDevice();
      bobsOtherDevice.record(alice.sessionId, [{ type: 'from.the.future', at: 1 }], 8);
      const unreadableInAlices = await push(
        bobCookie,
        pushBody(bobsOtherDevice, bob, bobsOtherDevice.log),
      );
      expect(errorOf(unreadableInAlices)).toEqual([403, 'session_taken']);
      expect(await storedEvents(bob)).toEqual([]);
      expect(await storedEvents(alice.client)).toHaveLength(5);
    });

    it('lets only client accounts push: staff get 403, nobody signed in 401', async () => {
      const { client, device } = await deviceWithSession();
      const body = pushBody(device, client, device.slice(1, 3));
      for (const staff of [world.owner, world.therapist]) {
        const response = await push(await signedIn(staff), { ...body, clientId: staff.id });
        expect(errorOf(response)).toEqual([403, 'not_allowed']);
      }
      const anonymous = await callApi(server.app(), {
        method: 'POST',
        url: '/api/sync/push',
        body,
      });
      expect(errorOf(anonymous)).toEqual([401, 'not_signed_in']);
      expect(await storedEvents(client)).toEqual([]);
    });
  });

  it('row 22: a session that expires mid-sync gets 401; the queue resumes after sign-in', async () => {
    const { client, cookie, device } = await deviceWithSession();
    await push(cookie, pushBody(device, client, device.slice(1, 10)));
    server.clock.advance(31 * DAY_MS);
    const expired = await push(cookie, pushBody(device, client, device.slice(11, 10)));
    expect(errorOf(expired)).toEqual([401, 'session_expired']);
    expect(await storedEvents(client)).toHaveLength(10);
    const again = await signedIn(client);
    const status = await callApi(server.app(), {
      url: `/api/sync/status?deviceId=${device.id}`,
      cookie: again,
    });
    expect(status.json().nextSeq).toBe(11);
    const resumed = await push(again, pushBody(device, client, device.slice(11, 10)));
    expect(resumed.json()).toMatchObject({ throughSeq: 20, accepted: 10 });
    expect(await storedEvents(client)).toHaveLength(20);
  });

  describe('pulling program versions', () => {
    it('returns the versions after the device’s cursor, oldest first, in pages', async () => {
      const client = await newClient();
      const cookie = await signedIn(client);
      for (let version = 1; version <= 23; version++) {
        await server.storage().sync.createProgramVersion({
          clinicId: client.clinicId,
          clientId: client.id,
          protocol: { id: 'glute-bridge', version: 1, step: version },
          createdAt: server.clock.now(),
          createdBy: world.therapist.id,
        });
      }
      const pull = (since?: number) =>
        callApi(server.app(), {
          url: since === undefined ? '/api/sync/pull' : `/api/sync/pull?since=${since}`,
          cookie,
        });
      const first = (await pull()).json();
      expect(first.programs).toHaveLength(20);
      expect(first).toMatchObject({ cursor: 20, more: true });
      expect(first.programs[0]).toEqual({
        id: client.id,
        version: 1,
        program: { id: 'glute-bridge', version: 1, step: 1 },
        createdAt: server.clock.now(),
      });
      const rest = (await pull(first.cursor)).json();
      expect(rest.programs.map((each: { version: number }) => each.version)).toEqual([21, 22, 23]);
      expect(rest).toMatchObject({ cursor: 23, more: false });
      expect((await pull(23)).json()).toEqual({ programs: [], cursor: 23, more: false });
      const other = await signedIn(await newClient());
      const theirs = await callApi(server.app(), { url: '/api/sync/pull', cookie: other });
      expect(theirs.json()).toEqual({ programs: [], cursor: 0, more: false });
    });

    it('refuses a cursor that is not a whole number, and unknown query fields', async () => {
      const cookie = await signedIn(await newClient());
      for (const url of [
        '/api/sync/pull?since=-1',
        '/api/sync/pull?since=x',
        '/api/sync/pull?all=1',
      ]) {
        expect(errorOf(await callApi(server.app(), { url, cookie })), url).toEqual([
          400,
          'bad_request',
        ]);
      }
    });
  });
});
