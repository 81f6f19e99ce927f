// Group commit on SQLite: pushes that arrive in one turn of the event loop
// share one transaction and one commit, each in its own savepoint. What must
// hold: units arriving in separate callbacks of a turn (as requests do)
// still meet; nothing is answered before it is committed; a unit that fails
// leaves no trace, does not disturb the others, and hears of its refusal
// only once the group has committed; a commit that fails answers every unit
// of its group with the failure (refused ones too) and keeps none of their
// writes; a flood of units is written in groups, all of it, and other
// queries still get their turn.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/db/group-commit.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/open.js';
import type { Tx } from '../../src/db/tenancy.js';

describe('group commit on SQLite', () => {
  let folder: string;
  let db: DatabaseHandle;
  let reader: DatabaseHandle;
  let commits: GroupCommit;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'glutewake-group-commit-'));
    const path = join(folder, 'test.sqlite');
    db = openDatabase({ kind: 'sqlite', path });
    await sql`create table parents (id integer primary key)`.execute(db.kysely);
    await sql`create table notes (id integer primary key, parent integer references parents (id))`.execute(
      db.kysely,
    );
    await sql`insert into parents (id) values (1)`.execute(db.kysely);
    reader = openDatabase({ kind: 'sqlite', path });
    commits = new GroupCommit(db);
  });
  afterEach(async () => {
    await db.close();
    await reader.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const addNote =
    (id: number, parent = 1) =>
    async (trx: Tx) => {
      await sql`insert into notes (id, parent) values (${id}, ${parent})`.execute(trx);
      return id;
    };
  const committedNotes = async () =>
    (await sql<{ id: number }>`select id from notes order by id`.execute(reader.kysely)).rows.map(
      (row) => row.id,
    );

  /** Nothing of what failed stands, and the next unit commits on its own. */
  const expectNothingKeptThenGoesOn = async (nextId: number) => {
    expect(await committedNotes()).toEqual([]);
    expect(await commits.run(addNote(nextId))).toBe(nextId);
    expect(await committedNotes()).toEqual([nextId]);
  };

  it('answers units that arrive together only once all of them are committed', async () => {
    const answered: number[] = [];
    const seenByAnotherConnection: number[][] = [];
    const units = [1, 2, 3].map((id) =>
      commits
        .run(async (trx) => {
          const result = await addNote(id)(trx);
          // Until the group commits, another connection sees none of it.
          seenByAnotherConnection.push(await committedNotes());
          return result;
        })
        .then((id) => answered.push(id)),
    );
    await Promise.all(units);
    expect(seenByAnotherConnection).toEqual([[], [], []]);
    expect(answered).toEqual([1, 2, 3]);
    expect(await committedNotes()).toEqual([1, 2, 3]);
  });

  it('groups units that arrive in separate callbacks of one turn, as requests do', async () => {
    const seenByAnotherConnection: number[][] = [];
    // Each request is read in a callback of its own; these three run in one turn.
    const arriving = [1, 2, 3].map(
      (id) =>
        new Promise<number>((resolve, reject) => {
          setImmediate(() => {
            commits
              .run(async (trx) => {
                await addNote(id)(trx);
                seenByAnotherConnection.push(await committedNotes());
                return id;
              })
              .then(resolve, reject);
          });
        }),
    );
    expect(await Promise.all(arriving)).toEqual([1, 2, 3]);
    // Had any of them committed on its own, the next would have seen it.
    expect(seenByAnotherConnection).toEqual([[], [], []]);
    expect(await committedNotes()).toEqual([1, 2, 3]);
  });

  it('rolls a failing unit back alone; the others of its group commit', async () => {
    const results = await Promise.allSettled([
      commits.run(addNote(1)),
      commits.run(async (trx) => {
        await addNote(2)(trx);
        throw new Error('this push is refused');
      }),
      commits.run(addNote(3)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await committedNotes()).toEqual([1, 3]);
  });

  it('answers every unit with the failure when the commit fails, and keeps nothing', async () => {
    const results = await Promise.allSettled([
      commits.run(addNote(1)),
      commits.run(async (trx) => {
        // A deferred foreign key is checked at COMMIT: the commit itself fails.
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        return addNote(2, 99)(trx);
      }),
      commits.run(addNote(3)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // The next unit starts a fresh transaction and commits.
    await expectNothingKeptThenGoesOn(4);
  });

  it('runs a unit that arrives alone in a transaction of its own', async () => {
    expect(await commits.run(addNote(7))).toBe(7);
    expect(await committedNotes()).toEqual([7]);
  });

  it('leaves nothing of a unit that fails alone, and goes on', async () => {
    await expect(
      commits.run(async (trx) => {
        await addNote(1)(trx);
        throw new Error('this push is refused');
      }),
    ).rejects.toThrow('this push is refused');
    await expectNothingKeptThenGoesOn(2);
  });

  it('leaves nothing of a group whose every unit fails, and goes on', async () => {
    const refused = (id: number) => async (trx: Tx) => {
      await addNote(id)(trx);
      throw new Error(`push ${id} is refused`);
    };
    const results = await Promise.allSettled([commits.run(refused(1)), commits.run(refused(2))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expectNothingKeptThenGoesOn(3);
  });

  it('answers a refused unit only once the rest of its group is committed', async () => {
    let seenWhenRefused: number[] | undefined;
    const refusal = commits
      .run(async (trx) => {
        await addNote(2)(trx);
        throw new Error('this push is refused');
      })
      .catch(async (error: unknown) => {
        seenWhenRefused = await committedNotes();
        throw error;
      });
    const results = await Promise.allSettled([commits.run(addNote(1)), refusal]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect(seenWhenRefused).toEqual([1]);
  });

  it('answers a refused unit with the commit failure when its group cannot commit', async () => {
    // The refusal may rest on the first unit's writes, which never stand:
    // the refused unit must hear of the failure and try again.
    const results = await Promise.allSettled([
      commits.run(async (trx) => {
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        return addNote(1, 99)(trx);
      }),
      commits.run(async () => {
        throw new Error('this push is refused');
      }),
    ]);
    const reasons = results.map((result) =>
      result.status === 'rejected' ? String(result.reason) : 'fulfilled',
    );
    expect(reasons).toEqual([
      expect.stringMatching(/FOREIGN KEY/),
      expect.stringMatching(/FOREIGN KEY/),
    ]);
    expect(await committedNotes()).toEqual([]);
  });

  it('answers a unit alone with the failure when its commit fails, and goes on', async () => {
    await expect(
      commits.run(async (trx) => {
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        return addNote(1, 99)(trx);
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    await expectNothingKeptThenGoesOn(2);
  });

  it('answers a unit alone with its own failure when SQLite has already ended the transaction', async () => {
    // A full disk or an interrupted statement makes SQLite roll back by
    // itself; the rollback that follows finds no transaction.
    await expect(
      commits.run(async (trx) => {
        await addNote(1)(trx);
        await sql`rollback`.execute(trx);
        throw new Error('database or disk is full');
      }),
    ).rejects.toThrow('database or disk is full');
    await expectNothingKeptThenGoesOn(2);
  });

  it('answers a group with the failure that ended its transaction, and goes on', async () => {
    const results = await Promise.allSettled([
      commits.run(addNote(1)),
      commits.run(async (trx) => {
        await addNote(2)(trx);
        // SQLite ends the whole transaction on a full disk: the savepoint is gone.
        await sql`rollback`.execute(trx);
        throw new Error('database or disk is full');
      }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    for (const result of results) {
      expect(result.status === 'rejected' && String(result.reason)).toMatch(
        'database or disk is full',
      );
    }
    await expectNothingKeptThenGoesOn(3);
  });

  it('ends a transaction left open on the connection before beginning its own', async () => {
    // What a rollback that failed would leave behind: writes nobody was told of.
    await sql`begin`.execute(db.kysely);
    await sql`insert into notes (id, parent) values (9, 1)`.execute(db.kysely);
    expect(await commits.run(addNote(1))).toBe(1);
    expect(await committedNotes()).toEqual([1]);
  });

  it('lets a query outside the groups through while a flood is being written', async () => {
    const ids = Array.from({ length: 64 }, (_, at) => at + 1);
    const answered: string[] = [];
    let outside: Promise<void> | undefined;
    const flood = ids.map((id) =>
      commits
        .run(async (trx) => {
          if (id === 1) {
            // A sign-in, say, reading on the same connection mid-flood.
            outside = sql`select count(*) as n from notes`
              .execute(db.kysely)
              .then(() => void answered.push('outside'));
          }
          return addNote(id)(trx);
        })
        .then((id) => void answered.push(`unit ${id}`)),
    );
    await Promise.all(flood);
    await outside;
    expect(answered).toContain('outside');
    expect(answered.indexOf('outside')).toBeLessThan(answered.indexOf(`unit ${ids.length}`));
  });

  it('writes a flood of units in several groups, every one of them', async () => {
    const ids = Array.from({ length: 40 }, (_, at) => at + 1);
    const seenByAnotherConnection = new Set<number>();
    const answered = await Promise.all(
      ids.map((id) =>
        commits.run(async (trx) => {
          await addNote(id)(trx);
          seenByAnotherConnection.add((await committedNotes()).length);
          return id;
        }),
      ),
    );
    expect(answered).toEqual(ids);
    expect(await committedNotes()).toEqual(ids);
    // Later units saw earlier groups committed: the flood was not one transaction.
    expect(seenByAnotherConnection.size).toBeGreaterThan(1);
  });
});
