// Sync push under bad input and failing storage: broken JSON, wrong content
// types, oversized and odd-shaped bodies, text no database stores alike, a
// full disk or a database that is down. The promise in each case: a stable
// error code and nothing partly applied; a retry after the fault applies the
// batch exactly once. Each test names its RELIABILITY row; every test runs on
// SQLite and on PostgreSQL unless it says otherwise.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { newSessionToken } from '../../src/auth/tokens.js';
import { DEFAULT_SETTINGS } from '../../src/settings.js';
import { openStorage } from '../../src/storage/storage.js';
import type { Account } from '../../src/storage/types.js';
import { makeFakeWebRoot } from '../fake-web-root.js';
import {
  describeEachBackend,
  describePostgresOnly,
  type BackendName,
  type TestDatabase,
} from '../support/backends.js';
import { addAccount, clinicWorld, newAccount, type ClinicWorld } from '../support/fixtures.js';
import { callApi, cookieFor, OWN_ORIGIN } from '../support/requests.js';
import { FakeDevice, pushBody, sessionLog } from '../support/sync.js';
import { useTestApp } from '../support/test-app.js';

const errorOf = (response: LightMyRequestResponse) => [response.statusCode, response.json().code];

/** Makes the database refuse to grow (SQLite) or fail like a full disk (PostgreSQL). */
async function fillTheDisk(
  backend: BackendName,
  database: TestDatabase,
): Promise<() => Promise<void>> {
  const { kysely } = database.handle;
  if (backend === 'sqlite') {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(kysely);
    await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 1}`).execute(kysely);
    return async () => {
      await sql.raw('pragma max_page_count = 1073741823').execute(kysely);
    };
  }
  // The statistics row is written last in a push, so the events before it must roll back.
  await sql
    .raw(
      `create function simulate_disk_full() returns trigger language plpgsql as $$ ` +
        `begin raise exception 'could not extend file' using errcode = '53100'; end $$`,
    )
    .execute(kysely);
  await sql
    .raw(
      'create trigger simulate_disk_full before insert or update on client_statistics ' +
        'for each row execute function simulate_disk_full()',
    )
    .execute(kysely);
  return async () => {
    await sql.raw('drop trigger simulate_disk_full on client_statistics').execute(kysely);
    await sql.raw('drop function simulate_disk_full()').execute(kysely);
  };
}

describeEachBackend('sync push faults', (backend) => {
  const server = useTestApp(backend);
  let world: ClinicWorld;
  beforeAll(async () => {
    world = await clinicWorld(server.storage());
  });

  const deviceWithSession = async (note?: string) => {
    const client = await addAccount(
      server.storage(),
      newAccount(world.clinic.id, 'client', { therapistId: world.therapist.id }),
    );
    const cookie = await cookieFor(server.storage(), client, server.clock.now());
    const device = new FakeDevice();
    const { sessionId, events } = sessionLog(note === undefined ? {} : { note });
    device.record(sessionId, events);
    return { client, cookie, device };
  };

  const rawPush = (cookie: string, payload: string, contentType = 'application/json') =>
    server.app().inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { origin: OWN_ORIGIN, cookie, 'content-type': contentType },
      payload,
    });

  const nothingStored = async (client: Account, device: FakeDevice) => {
    expect(await server.storage().sync.events(client.clinicId, client.id)).toEqual([]);
    expect(await server.storage().sync.cursor(client.clinicId, client.id, device.id)).toEqual({
      kind: 'cursor',
      nextSeq: 1,
    });
  };

  it('row 6: truncated JSON and a wrong content type get 400 with a stable code, nothing applied', async () => {
    const { client, cookie, device } = await deviceWithSession();
    const text = JSON.stringify(pushBody(device, client, device.log));
    expect(errorOf(await rawPush(cookie, text.slice(0, text.length - 40)))).toEqual([
      400,
      'invalid_json',
    ]);
    expect(errorOf(await rawPush(cookie, text, 'text/plain'))).toEqual([400, 'wrong_content_type']);
    expect(errorOf(await rawPush(cookie, text, 'application/x-www-form-urlencoded'))).toEqual([
      400,
      'wrong_content_type',
    ]);
    await nothingStored(client, device);
  });

  it('row 7: a 10 MB body gets 413; more than 500 events get 400; 500 events fit the limit', async () => {
    const { client, cookie, device } = await deviceWithSession();
    const huge = JSON.stringify({ ...pushBody(device, client, device.log), pad: 'x'.repeat(10e6) });
    expect(errorOf(await rawPush(cookie, huge))).toEqual([413, 'body_too_large']);

    while (device.log.length < 501) {
      const more = sessionLog();
      device.record(more.sessionId, more.events);
    }
    const tooMany = await rawPush(
      cookie,
      JSON.stringify(pushBody(device, client, device.slice(1, 501))),
    );
    expect(errorOf(tooMany)).toEqual([400, 'bad_request']);
    await nothingStored(client, device);

    const fullBatch = JSON.stringify(pushBody(device, client, device.slice(1, 500)));
    expect(Buffer.byteLength(fullBatch)).toBeLessThan(DEFAULT_SETTINGS.syncBodyLimitBytes);
    const accepted = await rawPush(cookie, fullBatch);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ throughSeq: 500, accepted: 500 });
  });

  it.each([
    ['a __proto__ key', (body: object) => ({ ...body, ['__proto__']: { admin: true } })],
    [
      'a nested __proto__ key in an event',
      (body: { events: object[] }) => ({
        ...body,
        events: [JSON.parse('{"seq":1,"sessionId":"s","index":0,"event":{"__proto__":{}}}')],
      }),
    ],
    ['nesting 40 deep', (body: object) => ({ ...body, events: [nested(40)] })],
    [
      'a list of 5,000 events',
      (body: { events: object[] }) => ({
        ...body,
        events: Array.from({ length: 5000 }, () => body.events[0]),
      }),
    ],
    ['a server-owned field', (body: object) => ({ ...body, clinicId: world.clinic.id })],
  ])('row 8: %s gets 400, nothing applied', async (_what, reshape: (body: never) => object) => {
    const { client, cookie, device } = await deviceWithSession();
    const body = reshape(pushBody(device, client, device.slice(1, 3)) as never);
    const response = await rawPush(cookie, JSON.stringify(body));
    expect(response.statusCode).toBe(400);
    expect(['body_not_allowed', 'bad_request']).toContain(response.json().code);
    await nothingStored(client, device);
  });

  it.each([
    ['a NUL byte', 'session\u0000one'],
    ['a lone surrogate', 'session\uD800one'],
    ['10,000 characters', 's'.repeat(10_000)],
  ])(
    'row 10: a session id with %s is refused at the API, nothing applied',
    async (_what, sessionId) => {
      const { client, cookie, device } = await deviceWithSession();
      const [first] = device.slice(1, 1);
      const response = await rawPush(
        cookie,
        JSON.stringify(pushBody(device, client, [{ ...first, sessionId }])),
      );
      expect(errorOf(response)).toEqual([400, 'bad_request']);
      await nothingStored(client, device);
    },
  );

  it.each([
    ['a NUL byte', 'sore \u0000 knee'],
    ['a lone surrogate', 'sore \uDC00 knee'],
    ['10,000 characters', 'k'.repeat(10_000)],
  ])('row 10: a note with %s is refused into quarantine, kept verbatim', async (_what, note) => {
    const { client, cookie, device } = await deviceWithSession(note);
    const response = await rawPush(cookie, JSON.stringify(pushBody(device, client, device.log)));
    expect(response.statusCode).toBe(200);
    expect(response.json().quarantined).toEqual([
      {
        seq: device.log.length,
        reason: 'invalid-event',
        problems: [expect.stringMatching(/^note /)],
      },
    ]);
    const parked = await callApi(server.app(), { url: '/api/sync/quarantine', cookie });
    expect(parked.json().events[0].payload.note).toBe(note);
  });

  it('row 14: a full disk answers 503 with Retry-After, commits nothing; the retry applies once', async () => {
    const { client, cookie, device } = await deviceWithSession();
    while (device.log.length < 500) {
      const more = sessionLog({ note: 'n'.repeat(1500) });
      device.record(more.sessionId, more.events);
    }
    const body = pushBody(device, client, device.slice(1, 500));
    const repair = await fillTheDisk(backend, server.database());
    let failed: LightMyRequestResponse;
    try {
      failed = await callApi(server.app(), { method: 'POST', url: '/api/sync/push', cookie, body });
    } finally {
      await repair();
    }
    expect(errorOf(failed)).toEqual([503, 'database_unavailable']);
    expect(failed.headers['retry-after']).toBe('5');
    await nothingStored(client, device);
    const statistics = await server.storage().sync.statistics(client.clinicId, client.id);
    expect(statistics.eventsCount).toBe(0);

    const retried = await callApi(server.app(), {
      method: 'POST',
      url: '/api/sync/push',
      cookie,
      body,
    });
    expect(retried.json()).toMatchObject({ throughSeq: 500, accepted: 500 });
    expect(await server.storage().sync.events(client.clinicId, client.id)).toHaveLength(500);
  });

  it('row 13: acknowledged events are there for a fresh process on the same database', async () => {
    const { client, cookie, device } = await deviceWithSession();
    await callApi(server.app(), {
      method: 'POST',
      url: '/api/sync/push',
      cookie,
      body: pushBody(device, client, device.log),
    });
    const restarted = openStorage(server.database().config);
    try {
      expect(await restarted.sync.events(client.clinicId, client.id)).toHaveLength(
        device.log.length,
      );
      expect(await restarted.sync.cursor(client.clinicId, client.id, device.id)).toEqual({
        kind: 'cursor',
        nextSeq: device.log.length + 1,
      });
    } finally {
      await restarted.close();
    }
  });
});

describePostgresOnly('sync push with the database down', () => {
  let app: FastifyInstance;
  let remove: () => void;
  beforeAll(async () => {
    const webRoot = makeFakeWebRoot();
    remove = webRoot.remove;
    const storage = openStorage({
      kind: 'postgres',
      url: 'postgres://glutewake:glutewake@127.0.0.1:1/glutewake_down',
    });
    app = buildApp({ webRoot: webRoot.path, storage });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    remove?.();
  });

  it('row 14: answers 503 with Retry-After, so the device keeps its queue', async () => {
    const device = new FakeDevice();
    const { sessionId, events } = sessionLog();
    device.record(sessionId, events);
    const response = await callApi(app, {
      method: 'POST',
      url: '/api/sync/push',
      cookie: `glutewake_session=${newSessionToken()}`,
      body: pushBody(device, { id: crypto.randomUUID() }, device.log),
    });
    expect(errorOf(response)).toEqual([503, 'database_unavailable']);
    expect(response.headers['retry-after']).toBe('5');
  });
});

function nested(depth: number): unknown {
  let value: unknown = {};
  for (let level = 0; level < depth; level++) value = { inner: value };
  return value;
}
