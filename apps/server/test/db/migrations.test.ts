// Migrations: from an empty database, and from every earlier version with
// data in it, the latest schema is the same and the data survives. Running
// migrations again on an up-to-date database changes nothing. Migration 0004
// places sessions stored earlier in the server's time.
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, migrationStatus } from '../../src/db/migrate.js';
import { migrationNames } from '../../src/db/migrations/index.js';
import { storageOver } from '../../src/storage/storage.js';
import {
  createEmptyDatabase,
  describeEachBackend,
  type TestDatabase,
} from '../support/backends.js';
import { schemaSnapshot } from './schema-snapshot.js';
import { at, clientId, clinicId, deviceId, inSeedClinic, versionSeeds } from './version-seeds.js';

const names = migrationNames();

describe('the list of migrations', () => {
  it('is in name order, each name with a four-digit prefix', () => {
    expect(names.length).toBeGreaterThan(0);
    expect([...names].sort()).toEqual(names);
    for (const name of names) expect(name).toMatch(/^\d{4}-[a-z0-9-]+$/);
  });

  it('has seed data for every version, so every upgrade path is tested', () => {
    expect(Object.keys(versionSeeds).sort()).toEqual(names);
  });
});

describeEachBackend('migrations', (backend) => {
  const opened: TestDatabase[] = [];
  const fresh = async () => {
    const database = await createEmptyDatabase(backend);
    opened.push(database);
    return database;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((database) => database.drop()));
  });

  it('migrate an empty database to the latest version, and again as a no-op', async () => {
    const database = await fresh();
    expect((await migrationStatus(database.handle)).pending).toEqual(names);
    await migrateToLatest(database.handle);
    const before = await schemaSnapshot(database.handle);
    await migrateToLatest(database.handle);
    expect(await schemaSnapshot(database.handle)).toEqual(before);
    expect(await migrationStatus(database.handle)).toEqual({
      applied: names,
      pending: [],
      latest: names.at(-1),
    });
  });

  it.each(names)(
    'upgrade from the version right after %s to the latest, keeping every row',
    async (from) => {
      const reference = await fresh();
      await migrateToLatest(reference.handle);
      const expectedSchema = await schemaSnapshot(reference.handle);

      const database = await fresh();
      const seeded = names.slice(0, names.indexOf(from) + 1);
      await migrateTo(database.handle, seeded.at(-1) ?? null);
      for (const name of seeded) await versionSeeds[name]?.write(database.handle);
      await migrateToLatest(database.handle);

      expect(await schemaSnapshot(database.handle)).toEqual(expectedSchema);
      const storage = storageOver(database.handle);
      for (const name of seeded) await versionSeeds[name]?.check(storage);
    },
  );

  it('0004 moves a session a clock ahead dated back to when its first event arrived', async () => {
    const database = await fresh();
    await migrateTo(database.handle, '0003-programs-library-notes');
    for (const name of names.slice(0, 3)) await versionSeeds[name]?.write(database.handle);
    const day = 86_400_000;
    const minutes = 60_000;
    const stored = [
      // The device's clock ran three days ahead: the server got event 0 an hour in.
      { sessionId: 'ahead', startedAt: at + 3 * day, receivedAt: at + 60 * minutes, seq: 10 },
      // Its clock ran a day behind: weeks of offline history look like this, kept as is.
      { sessionId: 'behind', startedAt: at - day, receivedAt: at + 2 * 60 * minutes, seq: 11 },
    ];
    await inSeedClinic(database.handle, async (trx) => {
      for (const session of stored) {
        const endedAt = session.startedAt + 10 * minutes;
        await trx
          .insertInto('session_summaries')
          .values({
            clinic_id: clinicId,
            session_id: session.sessionId,
            client_id: clientId,
            started_at: session.startedAt,
            ended_at: endedAt,
            outcome: 'completed',
            work_reps: 60,
            event_count: 1,
            summary: JSON.stringify({ startedAt: session.startedAt, endedAt, kept: 'as is' }),
            updated_at: session.receivedAt,
          })
          .execute();
        await trx
          .insertInto('sync_events')
          .values({
            clinic_id: clinicId,
            client_id: clientId,
            device_id: deviceId,
            seq: session.seq,
            session_id: session.sessionId,
            event_index: 0,
            event_type: 'session.started',
            event: JSON.stringify({ type: 'session.started', at: session.startedAt }),
            client_at: session.startedAt,
            received_at: session.receivedAt,
          })
          .execute();
      }
      await trx
        .insertInto('client_statistics')
        .values({
          clinic_id: clinicId,
          client_id: clientId,
          sessions_count: 2,
          ended_sessions_count: 2,
          last_session_at: at + 3 * day,
          events_count: 3,
          quarantined_count: 1,
          last_synced_at: at + 2 * 60 * minutes,
          updated_at: at + 2 * 60 * minutes,
        })
        .execute();
    });

    await migrateToLatest(database.handle);

    const storage = storageOver(database.handle);
    const summaries = await storage.sync.sessionSummaries(clinicId, clientId);
    const placed = (sessionId: string) => {
      const found = summaries.find((summary) => summary.sessionId === sessionId);
      return {
        startedAt: found?.startedAt,
        endedAt: found?.endedAt,
        summary: found?.summary as unknown,
      };
    };
    const arrived = at + 60 * minutes;
    expect(placed('ahead')).toEqual({
      startedAt: arrived,
      endedAt: arrived + 10 * minutes,
      summary: { startedAt: arrived, endedAt: arrived + 10 * minutes, kept: 'as is' },
    });
    expect(placed('behind')).toEqual({
      startedAt: at - day,
      endedAt: at - day + 10 * minutes,
      summary: { startedAt: at - day, endedAt: at - day + 10 * minutes, kept: 'as is' },
    });
    expect(await storage.sync.statistics(clinicId, clientId)).toMatchObject({
      sessionsCount: 2,
      lastSessionAt: arrived,
    });
    // The events keep the device's own times.
    const events = await storage.sync.events(clinicId, clientId);
    expect(events.find((event) => event.seq === 10)?.clientAt).toBe(at + 3 * day);
  });
});
