// Storage contract, part three: exactly-once sync. A batch and its device's
// cursor commit together; a replay gets the same acknowledgement and writes
// nothing; a gap is refused whole; broken or unknown events are quarantined
// and the queue moves on; devices and sessions belong to one client; stored
// events are append-only. (What sync derives is part four.) The same tests
// run on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inClinic } from '../../src/db/tenancy.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../support/backends.js';
import { TEST_START } from '../support/clock.js';
import { addAccount, clinicWorld, newAccount, type ClinicWorld } from '../support/fixtures.js';
import { FakeDevice, sessionLog, statisticsFromScratch } from '../support/sync.js';

const RECEIVED = TEST_START + 60_000;

describeEachBackend('storage contract: sync', (backend) => {
  let database: TestDatabase;
  let storage: Storage;
  let world: ClinicWorld;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    storage = database.storage;
    world = await clinicWorld(storage);
  });
  afterAll(async () => database?.drop());

  const newClient = () =>
    addAccount(storage, newAccount(world.clinic.id, 'client', { therapistId: world.therapist.id }));

  describe('pushing batches', () => {
    it('stores a batch, moves the cursor and acknowledges every event', async () => {
      const client = await newClient();
      const device = new FakeDevice();
      const { sessionId, events } = sessionLog();
      device.record(sessionId, events);
      const result = await storage.sync.push(device.batchFor(client, device.log), RECEIVED);
      expect(result).toEqual({
        kind: 'acknowledged',
        replayed: false,
        acknowledgement: {
          deviceId: device.id,
          throughSeq: events.length,
          nextSeq: events.length + 1,
          accepted: events.length,
          quarantined: [],
        },
      });
      expect(await storage.sync.cursor(client.clinicId, client.id, device.id)).toEqual({
        kind: 'cursor',
        nextSeq: events.length + 1,
      });
      const stored = await storage.sync.events(client.clinicId, client.id);
      expect(stored.map((each) => each.event)).toEqual(events);
      expect(stored.every((each) => each.receivedAt === RECEIVED)).toBe(true);
    });

    it('answers a replayed batch with the same acknowledgement and no new rows (row 1)', async () => {
      const client = await newClient();
      const device = new FakeDevice();
      const { sessionId, events } = sessionLog();
      device.record(sessionId, [...events.slice(0, 5), { type: 'rep.completed', at: 1, rep: -5 }]);
      const batch = device.batchFor(client, device.log);
      const first = await storage.sync.push(batch, RECEIVED);
      const again = await storage.sync.push(batch, RECEIVED + 5_000);
      expect(first.kind).toBe('acknowledged');
      expect(again).toEqual({ ...first, replayed: true });
      expect(await storage.sync.events(client.clinicId, client.id)).toHaveLength(5);
      expect(await storage.sync.quarantine(client.clinicId, client.id, 10)).toHaveLength(1);
      expect((await storage.sync.statistics(client.clinicId, client.id)).eventsCount).toBe(5);
    });

    it('applies only the unseen part of a batch that overlaps the cursor', async () => {
      const client = await newClient();
      const device = new FakeDevice();
      const { sessionId, events } = sessionLog();
      device.record(sessionId, events);
      await storage.sync.push(device.batchFor(client, device.slice(1, 10)), RECEIVED);
      const overlapping = await storage.sync.push(
        device.batchFor(client, device.slice(5, 20)),
        RECEIVED,
      );
      expect(overlapping).toMatchObject({
        kind: 'acknowledged',
        replayed: false,
        acknowledgement: { throughSeq: 24, nextSeq: 25, accepted: 20 },
      });
      const stored = await storage.sync.events(client.clinicId, client.id);
      expect(stored.map((each) => each.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    });

    it('refuses a gap naming the expected sequence, and applies nothing (row 3)', async () => {
      const client = await newClient();
      const device = new FakeDevice();
      const { sessionId, events } = sessionLog();
      device.record(sessionId, events);
      await storage.sync.push(device.batchFor(client, device.slice(1, 10)), RECEIVED);
      const gap = await storage.sync.push(device.batchFor(client, device.slice(12, 5)), RECEIVED);
      expect(gap).toEqual({ kind: 'gap', expectedSeq: 11 });
      expect(await storage.sync.events(client.clinicId, client.id)).toHaveLength(10);
      expect(await storage.sync.cursor(client.clinicId, client.id, device.id)).toEqual({
        kind: 'cursor',
        nextSeq: 11,
      });
      const fresh = new FakeDevice();
      fresh.record(sessionId, events);
      const late = await storage.sync.push(fresh.batchFor(client, fresh.slice(3, 2)), RECEIVED);
      expect(late).toEqual({ kind: 'gap', expectedSeq: 1 });
      expect(await storage.sync.cursor(client.clinicId, client.id, fresh.id)).toEqual({
        kind: 'cursor',
        nextSeq: 1,
      });
    });

    it('keeps the device clock and the server receive time, ordering by position (row 5)', async () => {
      const client = await newClient();
      const device = new FakeDevice();
      const daysAhead = TEST_START + 9 * 86_400_000;
      const { sessionId, events } = sessionLog({ startAt: daysAhead });
      device.record(sessionId, events);
      await storage.sync.push(device.batchFor(client, device.log), RECEIVED);
      const stored = await storage.sync.events(client.clinicId, client.id);
      expect(stored[0]).toMatchObject({ clientAt: daysAhead, receivedAt: RECEIVED });
      // The session is dated when the server got it, its length as the device measured it.
      const [summary] = await storage.sync.sessionSummaries(client.clinicId, client.id);
      const onDevice = statisticsFromScratchOf(events);
      expect(summary?.startedAt).toBe(RECEIVED);
      expect(summary?.summary.endedAt).toBe(
        (onDevice?.endedAt ?? 0) - (onDevice?.startedAt ?? 0) + RECEIVED,
      );
      expect(summary?.summary.durationSeconds).toBe(onDevice?.durationSeconds);
    });

    it('keeps a device clock that runs behind, and the start of a session once placed', async () => {
      const client = await newClient();
      const device = new FakeDevice();
      const behind = sessionLog({ startAt: TEST_START - 2 * 86_400_000 });
      const ahead = sessionLog({ startAt: TEST_START + 5 * 86_400_000 });
      device.record(behind.sessionId, behind.events);
      device.record(ahead.sessionId, ahead.events.slice(0, 4));
      await storage.sync.push(device.batchFor(client, device.log), RECEIVED);
      device.record(ahead.sessionId, ahead.events.slice(4), 4);
      const later = RECEIVED + 86_400_000;
      await storage.sync.push(
        device.batchFor(client, device.slice(device.log.length - ahead.events.length + 5)),
        later,
      );
      const summaries = await storage.sync.sessionSummaries(client.clinicId, client.id);
      expect(summaries.map((each) => [each.sessionId, each.startedAt])).toEqual([
        [ahead.sessionId, RECEIVED],
        [behind.sessionId, TEST_START - 2 * 86_400_000],
      ]);
      expect(await storage.sync.statistics(client.clinicId, client.id)).toMatchObject({
        lastSessionAt: RECEIVED,
      });
    });
  });

  it('refuses to change or delete a stored event, whoever asks', async () => {
    const client = await newClient();
    const device = new FakeDevice();
    const { sessionId, events } = sessionLog();
    device.record(sessionId, events.slice(0, 3));
    await storage.sync.push(device.batchFor(client, device.log), RECEIVED);
    await expect(
      inClinic(database.handle, client.clinicId, (trx) =>
        trx.updateTable('sync_events').set({ event_type: 'changed' }).execute(),
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      inClinic(database.handle, client.clinicId, (trx) =>
        trx.deleteFrom('sync_events').where('client_id', '=', client.id).execute(),
      ),
    ).rejects.toThrow(/append-only/);
    expect(await storage.sync.events(client.clinicId, client.id)).toHaveLength(3);
  });

  describe('quarantine (rows 11 and 17)', () => {
    it('parks invalid and unknown events with their reason and lets the rest apply', async () => {
      const client = await newClient();
      const device = new FakeDevice();
      const { sessionId, events } = sessionLog();
      const [started, ...rest] = events;
      const broken = [
        { type: 'rep.completed', at: TEST_START + 1, phase: 'wake-up', set: null, rep: -5 },
        { type: 'symptoms.logged', at: TEST_START + 2, symptoms: { knee: 11 } },
        { type: 'levitation.started', at: TEST_START + 3 },
        { ...started, v: 2 },
        { ...started, sessionId: 'someone-else' },
      ];
      device.record(sessionId, [started, ...broken]);
      device.record(sessionId, rest, 1 + broken.length);
      const result = await storage.sync.push(device.batchFor(client, device.log), RECEIVED);
      if (result.kind !== 'acknowledged') throw new Error(result.kind);
      expect(result.acknowledgement.quarantined.map(({ seq, reason }) => [seq, reason])).toEqual([
        [2, 'invalid-event'],
        [3, 'invalid-event'],
        [4, 'unknown-type'],
        [5, 'unknown-version'],
        [6, 'wrong-session'],
      ]);
      expect(result.acknowledgement.accepted).toBe(events.length);
      expect(result.acknowledgement.nextSeq).toBe(device.log.length + 1);
      const [rep] = result.acknowledgement.quarantined;
      expect(rep?.problems.join(' ')).toMatch(/^rep must be a whole number between 1 and 500/);

      const parked = await storage.sync.quarantine(client.clinicId, client.id, 10);
      expect(parked.map((each) => each.payload)).toEqual(expect.arrayContaining(broken));
      expect(parked.find((each) => each.seq === 3)).toMatchObject({
        deviceId: device.id,
        sessionId,
        index: 2,
        clientAt: TEST_START + 2,
        receivedAt: RECEIVED,
        problems: [expect.stringMatching(/symptoms\.knee must be a whole number between 0 and 10/)],
      });
      const [summary] = await storage.sync.sessionSummaries(client.clinicId, client.id);
      expect(summary?.summary).toEqual(statisticsFromScratchOf(events));
      expect(await storage.sync.statistics(client.clinicId, client.id)).toMatchObject({
        eventsCount: events.length,
        quarantinedCount: broken.length,
      });
    });

    it('keeps text with NUL bytes, broken unicode or 10,000 characters out, verbatim (row 10)', async () => {
      const client = await newClient();
      const device = new FakeDevice();
      const { sessionId, events } = sessionLog();
      const last = events.at(-1)?.at ?? TEST_START;
      const notes = ['nul \u0000 byte', 'lone \uD800 surrogate', 'x'.repeat(10_000)];
      device.record(sessionId, events);
      device.record(
        sessionId,
        notes.map((note, offset) => ({
          type: 'symptoms.logged',
          at: last + offset,
          symptoms: {},
          note,
        })),
        events.length,
      );
      const result = await storage.sync.push(device.batchFor(client, device.log), RECEIVED);
      if (result.kind !== 'acknowledged') throw new Error(result.kind);
      expect(result.acknowledgement.quarantined.map((each) => each.reason)).toEqual([
        'invalid-event',
        'invalid-event',
        'invalid-event',
      ]);
      const parked = await storage.sync.quarantine(client.clinicId, client.id, 10);
      const kept = parked.map((each) => (each.payload as { note: string }).note);
      expect(kept.sort()).toEqual([...notes].sort());
    });

    it('accepts the same event sent again under another sequence number once', async () => {
      const client = await newClient();
      const phone = new FakeDevice();
      const tablet = new FakeDevice();
      const { sessionId, events } = sessionLog();
      phone.record(sessionId, events);
      tablet.record(sessionId, events.slice(0, 4));
      tablet.record(sessionId, [{ ...events[4], at: (events[4]?.at ?? 0) + 1 }], 4);
      await storage.sync.push(phone.batchFor(client, phone.log), RECEIVED);
      const result = await storage.sync.push(tablet.batchFor(client, tablet.log), RECEIVED);
      if (result.kind !== 'acknowledged') throw new Error(result.kind);
      expect(result.acknowledgement.accepted).toBe(4);
      expect(result.acknowledgement.quarantined).toEqual([
        { seq: 5, reason: 'position-taken', problems: [expect.stringMatching(/index 4/)] },
      ]);
      expect(await storage.sync.events(client.clinicId, client.id)).toHaveLength(events.length);
    });
  });

  describe('ownership (row 20)', () => {
    it('refuses a device of another client, and the session of another client, whole', async () => {
      const alice = await newClient();
      const bob = await newClient();
      const device = new FakeDevice();
      const { sessionId, events } = sessionLog();
      device.record(sessionId, events);
      await storage.sync.push(device.batchFor(alice, device.slice(1, 5)), RECEIVED);
      expect(await storage.sync.push(device.batchFor(bob, device.slice(6, 5)), RECEIVED)).toEqual({
        kind: 'device-taken',
      });
      expect(await storage.sync.cursor(bob.clinicId, bob.id, device.id)).toEqual({
        kind: 'device-taken',
      });

      const bobsDevice = new FakeDevice();
      const own = sessionLog();
      bobsDevice.record(own.sessionId, own.events);
      bobsDevice.record(sessionId, events.slice(5, 8), 5);
      expect(await storage.sync.push(bobsDevice.batchFor(bob, bobsDevice.log), RECEIVED)).toEqual({
        kind: 'session-taken',
        sessionIds: [sessionId],
      });
      expect(await storage.sync.events(bob.clinicId, bob.id)).toEqual([]);
      expect(await storage.sync.cursor(bob.clinicId, bob.id, bobsDevice.id)).toEqual({
        kind: 'cursor',
        nextSeq: 1,
      });
      expect(await storage.sync.events(alice.clinicId, alice.id)).toHaveLength(5);
    });

    it('never shows one clinic’s sync rows to another', async () => {
      const south = await clinicWorld(storage, 'South');
      const device = new FakeDevice();
      const { sessionId, events } = sessionLog();
      device.record(sessionId, events);
      await storage.sync.push(device.batchFor(south.client, device.log), RECEIVED);
      expect(await storage.sync.events(world.clinic.id, south.client.id)).toEqual([]);
      expect(await storage.sync.sessionSummaries(world.clinic.id, south.client.id)).toEqual([]);
      expect(await storage.sync.cursor(world.clinic.id, south.client.id, device.id)).toEqual({
        kind: 'cursor',
        nextSeq: 1,
      });
    });
  });
});

function statisticsFromScratchOf(events: readonly unknown[]) {
  const stored = events.map((event, index) => ({
    deviceId: 'd',
    seq: index + 1,
    sessionId: 's',
    index,
    event,
    clientAt: 0,
    receivedAt: RECEIVED,
  }));
  return statisticsFromScratch(stored).summaries.get('s')?.summary;
}
