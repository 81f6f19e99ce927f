// Storage contract, part four: what sync derives. Session summaries and
// client statistics are kept as events arrive and always equal a fold of the
// stored events from scratch, also when two devices of one client push at
// once; program versions are numbered per client and pulled after a cursor.
// The same tests run on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageOver } from '../../src/storage/storage.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../support/backends.js';
import { TEST_START } from '../support/clock.js';
import { addAccount, clinicWorld, newAccount, type ClinicWorld } from '../support/fixtures.js';
import { FakeDevice, sessionLog, statisticsFromScratch } from '../support/sync.js';

describeEachBackend('storage contract: sync statistics and programs', (backend) => {
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

  describe('derived statistics', () => {
    it('folds on correctly when another process appended to the session in between', async () => {
      // Two server processes on one database, each with its own cache of
      // folded sessions: the first must notice the second's events and refold.
      const other = storageOver(database.reopen());
      try {
        const client = await newClient();
        const device = new FakeDevice();
        const { sessionId, events } = sessionLog({ symptoms: { foot: 2 } });
        device.record(sessionId, events);
        const turns = [storage, other, storage, other, storage];
        const size = Math.ceil(device.log.length / turns.length);
        for (const [turn, process] of turns.entries()) {
          const from = turn * size + 1;
          if (from > device.log.length) break;
          const result = await process.sync.push(
            device.batchFor(client, device.slice(from, size)),
            from,
          );
          expect(result.kind).toBe('acknowledged');
        }
        const scratch = statisticsFromScratch(
          await storage.sync.events(client.clinicId, client.id),
        );
        const [kept] = await storage.sync.sessionSummaries(client.clinicId, client.id);
        expect(kept?.eventCount).toBe(events.length);
        expect(kept?.summary).toEqual(scratch.summaries.get(sessionId)?.summary);
      } finally {
        await other.close();
      }
    });

    it('keeps session summaries and client aggregates equal to a fold from scratch', async () => {
      const client = await newClient();
      const device = new FakeDevice();
      const first = sessionLog({ symptoms: { knee: 3 }, note: 'sore knee' });
      const second = sessionLog({ startAt: TEST_START + 86_400_000, script: '4:left 8:stop' });
      device.record(first.sessionId, first.events);
      device.record(second.sessionId, second.events);
      for (let from = 1; from <= device.log.length; from += 7) {
        const result = await storage.sync.push(
          device.batchFor(client, device.slice(from, 7)),
          from,
        );
        expect(result.kind).toBe('acknowledged');
      }
      const scratch = statisticsFromScratch(await storage.sync.events(client.clinicId, client.id));
      const kept = await storage.sync.sessionSummaries(client.clinicId, client.id);
      expect(kept.map((each) => each.sessionId)).toEqual([second.sessionId, first.sessionId]);
      for (const summary of kept) {
        const expected = scratch.summaries.get(summary.sessionId);
        expect(summary.summary).toEqual(expected?.summary);
        const { protocolId, protocolVersion, programId, programVersion, ...figures } =
          expected?.figures ?? {};
        expect(summary).toMatchObject({
          ...figures,
          eventCount: expected?.eventCount,
          protocol: { id: protocolId, version: protocolVersion },
          program: programId ? { id: programId, version: programVersion } : null,
        });
      }
      expect(kept[1]).toMatchObject({
        outcome: 'activated',
        leftFiredAtRep: 6,
        rightFiredAtRep: 9,
        symptoms: { knee: 3 },
        note: 'sore knee',
      });
      expect(kept[0]?.outcome).toBe('stopped');
      expect(await storage.sync.statistics(client.clinicId, client.id)).toEqual({
        clientId: client.id,
        ...scratch.aggregates,
        eventsCount: device.log.length,
        quarantinedCount: 0,
        lastSyncedAt: expect.any(Number),
      });
    });

    it('keeps the client aggregates equal to a recount when a session arrives tail first', async () => {
      // The end of a session first (no start: it counts for nothing yet),
      // then its start, then a second whole session: after every push the
      // aggregates the server kept by differences equal a recount from scratch.
      const client = await newClient();
      const device = new FakeDevice();
      const late = sessionLog({ startAt: TEST_START + 3 * 86_400_000 });
      const early = sessionLog({ startAt: TEST_START, script: '4:left 8:stop' });
      const cut = 6;
      device.record(late.sessionId, late.events.slice(cut), cut);
      device.record(late.sessionId, late.events.slice(0, cut), 0);
      device.record(early.sessionId, early.events);
      const steps = [late.events.length - cut, cut, early.events.length];
      let from = 1;
      for (const count of steps) {
        // Received after the device's last session, as it would be.
        const result = await storage.sync.push(
          device.batchFor(client, device.slice(from, count)),
          TEST_START + 4 * 86_400_000 + from,
        );
        expect(result.kind).toBe('acknowledged');
        from += count;
        const stored = await storage.sync.events(client.clinicId, client.id);
        expect(await storage.sync.statistics(client.clinicId, client.id)).toMatchObject({
          ...statisticsFromScratch(stored).aggregates,
          eventsCount: stored.length,
        });
      }
      expect(await storage.sync.statistics(client.clinicId, client.id)).toMatchObject({
        sessionsCount: 2,
        endedSessionsCount: 2,
        lastSessionAt: late.events[0]?.at,
      });
    });

    it('keeps statistics right when two devices of one client push at the same time', async () => {
      const client = await newClient();
      const phone = new FakeDevice();
      const tablet = new FakeDevice();
      for (const [offset, device] of [phone, tablet].entries()) {
        for (let day = 0; day < 4; day++) {
          const { sessionId, events } = sessionLog({
            startAt: TEST_START + (day * 2 + offset) * 86_400_000,
          });
          device.record(sessionId, events);
        }
      }
      const perBatch = 30;
      for (let from = 1; from <= phone.log.length; from += perBatch) {
        await Promise.all(
          [phone, tablet].map((device) =>
            storage.sync.push(device.batchFor(client, device.slice(from, perBatch)), from),
          ),
        );
      }
      const stored = await storage.sync.events(client.clinicId, client.id);
      expect(stored).toHaveLength(phone.log.length + tablet.log.length);
      expect(await storage.sync.statistics(client.clinicId, client.id)).toMatchObject({
        ...statisticsFromScratch(stored).aggregates,
        eventsCount: stored.length,
      });
    });

    it('gives a client who never synced zero statistics', async () => {
      const client = await newClient();
      expect(await storage.sync.statistics(client.clinicId, client.id)).toEqual({
        clientId: client.id,
        sessionsCount: 0,
        endedSessionsCount: 0,
        lastSessionAt: null,
        eventsCount: 0,
        quarantinedCount: 0,
        lastSyncedAt: null,
      });
    });
  });

  describe('program versions', () => {
    it('numbers a client’s versions 1, 2, ... and lists those after a cursor', async () => {
      const client = await newClient();
      const protocol = { id: 'glute-bridge', version: 1, name: "Robert'); DROP TABLE--" };
      for (const offset of [0, 1, 2]) {
        const created = await storage.sync.createProgramVersion({
          clinicId: client.clinicId,
          clientId: client.id,
          protocol: { ...protocol, offset },
          createdAt: TEST_START + offset,
          createdBy: world.therapist.id,
        });
        expect(created.version).toBe(offset + 1);
      }
      const after1 = await storage.sync.programVersionsAfter(client.clinicId, client.id, 1, 10);
      expect(after1.map((each) => [each.version, each.protocol])).toEqual([
        [2, { ...protocol, offset: 1 }],
        [3, { ...protocol, offset: 2 }],
      ]);
      expect(
        await storage.sync.programVersionsAfter(client.clinicId, client.id, 0, 1),
      ).toHaveLength(1);
      const other = await newClient();
      expect(await storage.sync.programVersionsAfter(other.clinicId, other.id, 0, 10)).toEqual([]);
    });
  });
});
