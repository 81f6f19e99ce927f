// Migrations: from an empty database, and from every earlier version with
// data in it, the latest schema is the same and the data survives. Running
// migrations again on an up-to-date database changes nothing.
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
import { versionSeeds } from './version-seeds.js';

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
});
