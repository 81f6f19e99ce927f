// The device's side of sync, against a server kept in memory that behaves
// as the real one promises (docs/sync.md): the log goes up in batches of
// consecutive sequence numbers within the size limits; the server's cursor
// wins, so a lost acknowledgement or a gap costs a resend, never an event;
// a failing server keeps the whole queue and says why; an ended sign-in
// holds the queue until the next one; nothing syncs while a session plays.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiFailure, ApiResult } from '../../src/account/api.js';
import { openGlutewakeDb, type GlutewakeDb } from '../../src/store/db.js';
import {
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  unsentOnDevice,
  type OutgoingEvent,
} from '../../src/sync/batches.js';
import { deleteEverything } from '../../src/data/device-data.js';
import { loadEarlier, loadLink } from '../../src/sync/state.js';
import { SyncService } from '../../src/sync/sync-service.js';

const ACCOUNT = 'b7c1e2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const NOW = Date.UTC(2026, 2, 2, 9);

type Method = 'GET' | 'POST';

function failure(status: number, code: string, details: Record<string, unknown> = {}): ApiFailure {
  return {
    ok: false,
    status,
    code,
    message: `${code} (${status})`,
    details,
    retryAfterSeconds: null,
  };
}

/** Each device's events as the server stores them, with the faults a test asks for. */
class FakeServer {
  /** Each device's events, by device id, with the account that first pushed it. */
  readonly devices = new Map<string, { clientId: string; events: OutgoingEvent[] }>();
  readonly pushes: OutgoingEvent[][] = [];
  /** Answers the next calls with these failures instead (after applying, when `applied`). */
  readonly failures: { answer: ApiFailure; applied: boolean }[] = [];
  /** The next status answer is this far behind the truth (ahead when negative). */
  statusBehindBy = 0;
  /** The account the browser's cookie is signed in as (null: whichever pushes). */
  signedInAs: string | null = null;

  /** Every stored event, device by device (most tests use one device). */
  get stored(): OutgoingEvent[] {
    return [...this.devices.values()].flatMap((device) => device.events);
  }

  /** The notes of an account's stored events, device by device in the order they first pushed. */
  notesOf(clientId: string): string[][] {
    return [...this.devices.values()]
      .filter((device) => device.clientId === clientId)
      .map((device) => device.events.map((sent) => String(sent.event.note)));
  }

  readonly call = async <T>(
    method: Method,
    path: string,
    body?: unknown,
  ): Promise<ApiResult<T>> => {
    const answer = (value: unknown) => ({ ok: true, status: 200, value }) as ApiResult<T>;
    const fault = this.failures.shift();
    if (fault !== undefined && !fault.applied) return fault.answer;
    let result: ApiResult<unknown>;
    if (method === 'GET' && path.startsWith('/api/sync/status')) {
      const deviceId = new URL(path, 'http://server.test').searchParams.get('deviceId') ?? '';
      const held = this.devices.get(deviceId)?.events.length ?? 0;
      result = answer({ nextSeq: held + 1 - this.statusBehindBy });
      this.statusBehindBy = 0;
    } else if (method === 'POST' && path === '/api/sync/push') {
      result = this.push(body as { deviceId: string; clientId: string; events: OutgoingEvent[] });
    } else if (method === 'GET' && path.startsWith('/api/sync/pull')) {
      result = answer({ programs: [], cursor: 0, more: false });
    } else {
      throw new Error(`no such call: ${method} ${path}`);
    }
    return fault === undefined ? (result as ApiResult<T>) : fault.answer;
  };

  private push({
    deviceId,
    clientId,
    events,
  }: {
    deviceId: string;
    clientId: string;
    events: OutgoingEvent[];
  }): ApiResult<unknown> {
    if (this.signedInAs !== null && clientId !== this.signedInAs) {
      return failure(403, 'sync_wrong_account');
    }
    this.pushes.push(events);
    const device = this.devices.get(deviceId) ?? { clientId, events: [] };
    if (device.clientId !== clientId) return failure(403, 'sync_device_taken');
    this.devices.set(deviceId, device);
    const first = events[0]?.seq ?? 0;
    const expected = device.events.length + 1;
    if (first > expected) return failure(409, 'sync_gap', { expectedSeq: expected });
    for (const event of events) {
      const held = device.events[event.seq - 1];
      if (held === undefined) device.events.push(event);
      else expect(event, `seq ${event.seq} sent again`).toEqual(held);
    }
    const last = events.at(-1)?.seq ?? 0;
    return {
      ok: true,
      status: 200,
      value: { throughSeq: last, nextSeq: last + 1, accepted: events.length, quarantined: [] },
    };
  }
}

let db: GlutewakeDb;
let server: FakeServer;
let playing = false;

const serviceOver = () =>
  new SyncService({ db, sessionRunning: () => playing, now: () => NOW, call: server.call });

/** Appends `count` events of fresh sessions of 30 events each to the device's log. */
async function recordEvents(count: number, note = ''): Promise<void> {
  let sessionId = randomUUID();
  for (let n = 0; n < count; n++) {
    const index = n % 30;
    if (index === 0 && n > 0) sessionId = randomUUID();
    const event = { type: 'felt', at: NOW + n, regions: ['left-glute'], note };
    await db.add('events', { sessionId, index, event } as never);
  }
}

beforeEach(async () => {
  db = await openGlutewakeDb(`sync-test-${randomUUID()}`);
  server = new FakeServer();
  playing = false;
});

afterEach(() => db.close());

describe('pushing the log', () => {
  it('sends the whole log once, in order, in batches of at most 200, then says synced', async () => {
    await recordEvents(450);
    const sync = serviceOver();
    await sync.linkAccount(ACCOUNT);
    expect(server.pushes.map((batch) => batch.length)).toEqual([200, 200, 50]);
    expect(server.stored.map((event) => event.seq)).toEqual(
      Array.from({ length: 450 }, (_, n) => n + 1),
    );
    expect(await sync.view()).toEqual({ kind: 'synced', at: NOW, programs: 0 });
    expect((await loadLink(db))?.nextSeq).toBe(451);
  });

  it('keeps every batch within its byte budget when events are large', async () => {
    await recordEvents(120, 'x'.repeat(10_000));
    await serviceOver().linkAccount(ACCOUNT);
    expect(server.pushes.length).toBeGreaterThan(2);
    for (const batch of server.pushes) {
      expect(batch.length).toBeLessThanOrEqual(MAX_BATCH_EVENTS);
      expect(JSON.stringify(batch).length).toBeLessThanOrEqual(MAX_BATCH_BYTES + 11_000);
    }
    expect(server.stored).toHaveLength(120);
  });

  it('after a lost acknowledgement, goes on from where the server says, resending nothing new', async () => {
    await recordEvents(300);
    const sync = serviceOver();
    // The first batch is stored, but its answer never reaches the device.
    server.failures.push(
      { answer: { ok: true, status: 200, value: { nextSeq: 1 } } as never, applied: true },
      { answer: failure(0, 'offline'), applied: true },
    );
    await sync.linkAccount(ACCOUNT);
    expect(await sync.view()).toMatchObject({ kind: 'waiting', waiting: 300 });
    await sync.syncNow();
    expect(server.stored).toHaveLength(300);
    expect(server.pushes.map((batch) => batch[0]?.seq)).toEqual([1, 201]);
    expect(await sync.view()).toMatchObject({ kind: 'synced' });
  });

  it('trusts the server’s cursor whether it is behind or ahead of the truth', async () => {
    await recordEvents(250);
    const sync = serviceOver();
    await sync.linkAccount(ACCOUNT);
    // Behind: the device sends 50 stored events again, exactly as before.
    await recordEvents(10);
    server.statusBehindBy = 50;
    await sync.syncNow();
    expect(server.pushes.at(-1)?.[0]?.seq).toBe(201);
    expect(server.stored).toHaveLength(260);
    // Ahead: the push is answered with a gap naming the real cursor, and the run finishes.
    await recordEvents(10);
    server.statusBehindBy = -5;
    await sync.syncNow();
    expect(server.pushes.slice(-2).map((batch) => batch[0]?.seq)).toEqual([266, 261]);
    expect(server.stored).toHaveLength(270);
    expect(await sync.view()).toMatchObject({ kind: 'synced' });
  });
});

describe('when sync cannot go on', () => {
  it('keeps the whole queue and shows the server’s words, then recovers by itself', async () => {
    await recordEvents(40);
    const sync = serviceOver();
    server.failures.push({ answer: failure(503, 'database_unavailable'), applied: false });
    await sync.linkAccount(ACCOUNT);
    expect(await sync.view()).toEqual({
      kind: 'waiting',
      waiting: 40,
      lastError: 'database_unavailable (503)',
      lastSyncedAt: null,
    });
    await sync.syncNow();
    expect(await sync.view()).toEqual({ kind: 'synced', at: NOW, programs: 0 });
  });

  it('holds the queue after the sign-in ends, until the person signs in again', async () => {
    await recordEvents(30);
    const sync = serviceOver();
    server.failures.push({ answer: failure(401, 'session_expired'), applied: false });
    await sync.linkAccount(ACCOUNT);
    expect(await sync.view()).toEqual({ kind: 'signed-out', waiting: 30 });
    await sync.syncNow();
    expect(server.stored).toHaveLength(0);
    await sync.linkAccount(ACCOUNT);
    expect(server.stored).toHaveLength(30);
    expect(await sync.view()).toMatchObject({ kind: 'synced' });
  });

  it('does nothing while a session plays', async () => {
    await recordEvents(30);
    const sync = serviceOver();
    playing = true;
    await sync.linkAccount(ACCOUNT);
    expect(server.pushes).toHaveLength(0);
    expect(await sync.view()).toMatchObject({ kind: 'waiting', waiting: 30 });
    playing = false;
    await sync.syncNow();
    expect(server.stored).toHaveLength(30);
  });

  it('makes a new device when another account links, and leaves the log alone', async () => {
    await recordEvents(10);
    const sync = serviceOver();
    await sync.linkAccount(ACCOUNT);
    const first = await loadLink(db);
    await sync.linkAccount(randomUUID());
    const second = await loadLink(db);
    expect(second?.deviceId).not.toBe(first?.deviceId);
    expect(await db.count('events')).toBe(10);
  });

  it('never sends one account’s sessions as another’s: a second account starts where the log stands', async () => {
    await recordEvents(10);
    await serviceOver().linkAccount(ACCOUNT);
    const firstServer = server;
    expect(firstServer.stored).toHaveLength(10);
    await serviceOver().signedOut();
    await recordEvents(3, 'the first person, after signing out');

    server = new FakeServer();
    const sync = serviceOver();
    await sync.linkAccount(randomUUID());
    expect(server.pushes).toEqual([]);
    expect(await sync.view()).toEqual({ kind: 'synced', at: NOW, programs: 0 });

    await recordEvents(4, 'the second person');
    expect(await sync.view()).toMatchObject({ kind: 'waiting', waiting: 4 });
    await sync.syncNow();
    expect(server.stored.map((sent) => [sent.seq, sent.event.note])).toEqual(
      [1, 2, 3, 4].map((seq) => [seq, 'the second person']),
    );
    expect(firstServer.stored).toHaveLength(10);
    expect(await db.count('events')).toBe(17);
  });

  it('reads a link saved before links knew where they start as starting at the first event', async () => {
    await recordEvents(5);
    await db.put(
      'sync',
      {
        deviceId: randomUUID(),
        accountId: ACCOUNT,
        nextSeq: 1,
        lastSyncedAt: null,
        lastError: null,
        programCursor: 0,
        signedIn: true,
      },
      'link',
    );
    expect((await loadLink(db))?.firstRank).toBe(1);
    await serviceOver().syncNow();
    expect(server.stored).toHaveLength(5);
  });
});

describe('two people in one browser', () => {
  const FIRST = ACCOUNT;
  const SECOND = 'c8d2f3e4-5a6b-4c7d-9e8f-0a1b2c3d4e5f';
  const signInAs = async (sync: SyncService, accountId: string) => {
    server.signedInAs = accountId;
    await sync.linkAccount(accountId);
  };

  it('sends what the first person had not synced as theirs, when they sign in again', async () => {
    const sync = serviceOver();
    await recordEvents(10, 'first');
    await signInAs(sync, FIRST);
    await sync.signedOut();
    await recordEvents(3, 'first, signed out');

    await signInAs(sync, SECOND);
    // The first person's waiting events are not the second person's to send, or to count.
    expect(await sync.view()).toEqual({ kind: 'synced', at: NOW, programs: 0 });
    await recordEvents(4, 'second');
    expect(await sync.view()).toMatchObject({ kind: 'waiting', waiting: 4 });
    await sync.syncNow();
    await sync.signedOut();

    server.signedInAs = FIRST;
    await sync.linkAccount(FIRST);
    await recordEvents(2, 'first, again');
    await sync.syncNow();

    expect(server.notesOf(FIRST)).toEqual([
      [...Array<string>(10).fill('first'), ...Array<string>(3).fill('first, signed out')],
      ['first, again', 'first, again'],
    ]);
    expect(server.notesOf(SECOND)).toEqual([Array<string>(4).fill('second')]);
    // Every event of the log went up once, as its own person's.
    expect(server.stored).toHaveLength(await db.count('events'));
    expect(await loadEarlier(db, FIRST)).toEqual([]);
    expect(await sync.view()).toMatchObject({ kind: 'synced' });
  });

  it('counts an earlier link’s waiting events for its own account once it is back', async () => {
    const sync = serviceOver();
    await recordEvents(6, 'first');
    server.failures.push({ answer: failure(503, 'unavailable'), applied: false });
    await signInAs(sync, FIRST);
    expect(await sync.view()).toMatchObject({ kind: 'waiting', waiting: 6 });

    await signInAs(sync, SECOND);
    await recordEvents(2, 'second');
    playing = true; // keep both queues where they are while the counts are read
    await signInAs(sync, FIRST);
    await recordEvents(1, 'first, again');
    expect(await sync.view()).toMatchObject({ kind: 'waiting', waiting: 7 });
    playing = false;
    await sync.syncNow();
    expect(server.notesOf(FIRST)).toEqual([Array<string>(6).fill('first'), ['first, again']]);
    expect(server.notesOf(SECOND)).toEqual([]);
  });

  it('tells what deleting the data would lose: the person’s own waiting events and others’', async () => {
    const sync = serviceOver();
    const unsent = async () => {
      const { own, ownSignedIn, others, otherAccounts } = await unsentOnDevice(db);
      return [own, ownSignedIn, others, otherAccounts];
    };
    await recordEvents(5, 'before any account');
    expect(await unsent()).toEqual([0, false, 0, 0]);
    await signInAs(sync, FIRST);
    await sync.syncNow();
    await recordEvents(6, 'first');
    playing = true; // nothing goes up while the counts are read
    expect(await unsent()).toEqual([6, true, 0, 0]);
    await sync.signedOut();
    expect(await unsent()).toEqual([6, false, 0, 0]);

    await signInAs(sync, SECOND);
    await recordEvents(2, 'second');
    expect(await unsent()).toEqual([2, true, 6, 1]);

    const THIRD = 'd9e3a4f5-6b7c-4d8e-af90-1b2c3d4e5f60';
    await signInAs(sync, THIRD);
    expect(await unsent()).toEqual([0, true, 8, 2]);

    await signInAs(sync, FIRST);
    await recordEvents(1, 'first, again');
    expect(await unsent()).toEqual([7, true, 2, 1]);
    playing = false;
    await sync.syncNow();
    expect(await unsent()).toEqual([0, true, 2, 1]);
  });

  it('does not let an earlier link the server refuses hold up the account’s own device', async () => {
    const sync = serviceOver();
    await recordEvents(5, 'first');
    server.failures.push({ answer: failure(503, 'unavailable'), applied: false });
    await signInAs(sync, FIRST);
    const earlierDevice = (await loadLink(db))?.deviceId ?? '';
    // The server already holds that device for someone else (it was reset, say).
    server.devices.set(earlierDevice, { clientId: SECOND, events: [] });
    await signInAs(sync, SECOND);
    await signInAs(sync, FIRST);
    await recordEvents(3, 'first, again');
    await sync.syncNow();

    expect(server.notesOf(FIRST)).toEqual([Array<string>(3).fill('first, again')]);
    expect(await sync.view()).toMatchObject({
      kind: 'waiting',
      waiting: 5,
      lastError: 'sync_device_taken (403)',
    });
  });

  /** A service whose second push waits until the test lets it answer. */
  function serviceHeldAtSecondPush() {
    let release: (() => void) | null = null;
    let pushes = 0;
    const held: typeof server.call = async (method, path, body) => {
      if (method === 'POST' && path === '/api/sync/push' && ++pushes === 2) {
        await new Promise<void>((resolve) => (release = resolve));
      }
      return server.call(method, path, body);
    };
    const sync = new SyncService({ db, sessionRunning: () => playing, now: () => NOW, call: held });
    const heldNow = async () => {
      while (release === null) await new Promise((resolve) => setTimeout(resolve, 1));
    };
    return { sync, heldNow, release: () => (release as unknown as () => void)() };
  }

  it('keeps a run that outlives its link from writing it back or sending the next person’s events', async () => {
    await recordEvents(450, 'first');
    const { sync, heldNow, release } = serviceHeldAtSecondPush();
    server.signedInAs = FIRST;
    const firstRun = sync.linkAccount(FIRST);
    await heldNow();
    await sync.signedOut();
    server.signedInAs = SECOND;
    const secondLink = sync.linkAccount(SECOND);
    await recordEvents(3, 'second');
    release();
    await firstRun;
    await secondLink;

    expect((await loadLink(db))?.accountId).toBe(SECOND);
    await sync.syncNow();
    expect(server.notesOf(SECOND)).toEqual([Array<string>(3).fill('second')]);
    expect(await sync.view()).toMatchObject({ kind: 'synced' });
    await sync.signedOut();
    server.signedInAs = FIRST;
    await sync.linkAccount(FIRST);
    expect(server.notesOf(FIRST)).toEqual([Array<string>(450).fill('first')]);
    expect(server.stored).toHaveLength(453);
    expect(await sync.view()).toMatchObject({ kind: 'synced' });
  });

  it('lets an earlier link go once the server says it holds everything, answer lost or not', async () => {
    const sync = serviceOver();
    await recordEvents(5, 'first');
    server.failures.push({ answer: failure(503, 'unavailable'), applied: false });
    await signInAs(sync, FIRST);
    await signInAs(sync, SECOND);
    server.signedInAs = FIRST;
    // The first status finds nothing; the push is stored but its answer is lost.
    server.failures.push(
      { answer: { ok: true, status: 200, value: { nextSeq: 1 } } as never, applied: true },
      { answer: failure(0, 'offline'), applied: true },
    );
    await sync.linkAccount(FIRST);
    await sync.syncNow();
    expect(server.notesOf(FIRST)).toEqual([Array<string>(5).fill('first')]);
    expect(await loadEarlier(db, FIRST)).toEqual([]);
    expect(await sync.view()).toMatchObject({ kind: 'synced' });
  });

  it('does not bring the link back when all data is deleted during a run', async () => {
    await recordEvents(450, 'first');
    const { sync, heldNow, release } = serviceHeldAtSecondPush();
    const run = sync.linkAccount(FIRST);
    await heldNow();
    await deleteEverything(db);
    release();
    await run;
    expect(await loadLink(db)).toBeNull();
    expect(await sync.view()).toEqual({ kind: 'not-linked' });
    expect(server.stored).toHaveLength(400);
  });
});
