// Storage contract, part five: what therapists keep. Program versions are
// numbered 1, 2, ... per client and a write that expected an older version
// is refused (also when two writes race); the library keeps a clinic's own
// protocols with a revision that counts edits and refuses a stale edit;
// notes are kept per client, newest first, and deleted for good. Nothing
// crosses clinics. The same tests run on SQLite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/types.js';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../support/backends.js';
import { TEST_START } from '../support/clock.js';
import { addAccount, clinicWorld, newAccount, type ClinicWorld } from '../support/fixtures.js';

describeEachBackend('storage contract: programs, the protocol library and notes', (backend) => {
  let database: TestDatabase;
  let storage: Storage;
  let north: ClinicWorld;
  let south: ClinicWorld;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    storage = database.storage;
    north = await clinicWorld(storage, 'North');
    south = await clinicWorld(storage, 'South');
  });
  afterAll(async () => database?.drop());

  const newClient = () =>
    addAccount(storage, newAccount(north.clinic.id, 'client', { therapistId: north.therapist.id }));
  const assign = (clientId: string, expectedVersion: number, step: number) =>
    storage.programs.create(
      north.clinic.id,
      {
        clientId,
        program: { step },
        createdAt: TEST_START + step,
        createdBy: north.therapist.id,
      },
      expectedVersion,
    );

  it('numbers a client’s program versions 1, 2, ... and reads the latest and the history', async () => {
    const client = await newClient();
    expect(await storage.programs.current(north.clinic.id, client.id)).toBeNull();
    expect(await assign(client.id, 0, 1)).toMatchObject({
      kind: 'created',
      program: { version: 1 },
    });
    expect(await assign(client.id, 1, 2)).toMatchObject({
      kind: 'created',
      program: { version: 2 },
    });
    expect(await storage.programs.current(north.clinic.id, client.id)).toEqual({
      clientId: client.id,
      version: 2,
      program: { step: 2 },
      createdAt: TEST_START + 2,
      createdBy: north.therapist.id,
    });
    const history = await storage.programs.versions(north.clinic.id, client.id, 10);
    expect(history.map((each) => each.version)).toEqual([2, 1]);
    const named = await storage.programs.versionsNumbered(north.clinic.id, client.id, [1, 7]);
    expect(named.map((each) => each.program)).toEqual([{ step: 1 }]);
    expect(await storage.programs.current(south.clinic.id, client.id)).toBeNull();
  });

  it('refuses a version made from an older one, naming the latest', async () => {
    const client = await newClient();
    await assign(client.id, 0, 1);
    await assign(client.id, 1, 2);
    expect(await assign(client.id, 1, 3)).toEqual({ kind: 'changed', currentVersion: 2 });
    expect(await assign(client.id, 0, 3)).toEqual({ kind: 'changed', currentVersion: 2 });
    expect((await storage.programs.current(north.clinic.id, client.id))?.program).toEqual({
      step: 2,
    });
  });

  it('lets exactly one of two therapists saving at once win', async () => {
    const client = await newClient();
    await assign(client.id, 0, 1);
    const results = await Promise.all([assign(client.id, 1, 10), assign(client.id, 1, 20)]);
    expect(results.map((result) => result.kind).sort()).toEqual(['changed', 'created']);
    expect(results.find((result) => result.kind === 'changed')).toEqual({
      kind: 'changed',
      currentVersion: 2,
    });
    expect(await storage.programs.versions(north.clinic.id, client.id, 10)).toHaveLength(2);
  });

  it('keeps a clinic’s library entries, edited revision by revision, and refuses a stale edit', async () => {
    const entryId = randomUUID();
    const entry = {
      entryId,
      basedOn: 'prone-ankle-squeeze',
      revision: 1,
      protocol: { name: 'Ours' },
      createdAt: TEST_START,
      createdBy: north.therapist.id,
      updatedAt: TEST_START,
      updatedBy: north.therapist.id,
    };
    await storage.library.add(north.clinic.id, entry);
    expect(await storage.library.list(north.clinic.id)).toContainEqual(entry);
    expect(await storage.library.list(south.clinic.id)).toEqual([]);
    expect(await storage.library.get(south.clinic.id, entryId)).toBeNull();

    const edit = (expectedRevision: number, name: string) =>
      storage.library.update(north.clinic.id, entryId, {
        protocol: { name },
        expectedRevision,
        at: TEST_START + 5,
        by: north.owner.id,
      });
    expect(await edit(1, 'Ours, gentler')).toEqual({
      kind: 'updated',
      entry: {
        ...entry,
        revision: 2,
        protocol: { name: 'Ours, gentler' },
        updatedAt: TEST_START + 5,
        updatedBy: north.owner.id,
      },
    });
    expect(await edit(1, 'Lost')).toEqual({ kind: 'changed', currentRevision: 2 });
    expect((await storage.library.get(north.clinic.id, entryId))?.protocol).toEqual({
      name: 'Ours, gentler',
    });
    expect(
      await storage.library.update(south.clinic.id, entryId, {
        protocol: {},
        expectedRevision: 2,
        at: TEST_START,
        by: south.owner.id,
      }),
    ).toEqual({ kind: 'missing' });
  });

  it('keeps notes per client, newest first, and deletes them for good', async () => {
    const client = await newClient();
    const note = (text: string, at: number) => ({
      noteId: randomUUID(),
      clientId: client.id,
      authorId: north.therapist.id,
      text,
      createdAt: at,
    });
    const first = note('Left glute wakes first.', TEST_START);
    const second = note('Try the fingertips cue.', TEST_START + 1000);
    await storage.notes.add(north.clinic.id, first);
    await storage.notes.add(north.clinic.id, second);
    expect(await storage.notes.list(north.clinic.id, client.id)).toEqual([second, first]);
    expect(await storage.notes.list(south.clinic.id, client.id)).toEqual([]);
    expect(await storage.notes.remove(south.clinic.id, client.id, first.noteId)).toBe(false);
    expect(await storage.notes.remove(north.clinic.id, client.id, first.noteId)).toBe(true);
    expect(await storage.notes.remove(north.clinic.id, client.id, first.noteId)).toBe(false);
    expect(await storage.notes.get(north.clinic.id, client.id, first.noteId)).toBeNull();
    expect(await storage.notes.list(north.clinic.id, client.id)).toEqual([second]);
  });
});
