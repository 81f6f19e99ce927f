// Group commit for SQLite: pushes that arrive in the same turn of the event
// loop share one transaction and its one fsync. SQLite has one connection
// and writes one transaction at a time, and with synchronous=FULL each
// commit waits for the disk; when several devices push at once, most of that
// waiting can be shared. better-sqlite3 is synchronous, so a unit started
// the moment it arrives would run all the way to its commit before the
// server even read the next request, and no group would ever form. So each
// unit is queued, and the queue is written at the end of the turn
// (setImmediate), once every request read in that turn has joined it.
// Invariants: no unit is answered before its group has settled, and a
// unit's result is handed out only after the transaction that holds its
// writes has committed, so nothing is acknowledged before it is durable; a
// unit that throws leaves no trace (in a group of several it is rolled back
// to its own savepoint and the others go on; a unit alone has its
// transaction rolled back) and is answered with its own failure once the
// group has committed; if the transaction itself ends (SQLite may end it on
// a full disk), every unit of the group rejects with the failure that ended
// it; if the commit fails, every unit of the group rejects
// with that failure, refused ones too (a refusal may rest on an earlier
// unit's writes, which are gone), and none of their writes remain; units run
// one at a time, in arrival order; a group holds at most MAX_GROUP units,
// and the next waits for a later turn, so other queries on the connection
// are never starved.
import { sql, type ControlledTransaction } from 'kysely';
import type { Database } from './database.js';
import type { DatabaseHandle } from './open.js';
import type { Tx } from './tenancy.js';

const MAX_GROUP = 16;

interface Unit {
  work(trx: Tx): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Trx = ControlledTransaction<Database>;

export class GroupCommit {
  readonly #db: DatabaseHandle;
  readonly #queue: Unit[] = [];
  #scheduled = false;

  constructor(db: DatabaseHandle) {
    this.#db = db;
  }

  /**
   * Runs `work` in the turn's shared transaction; resolves once its writes
   * are committed. `work` must query only through `trx`: the connection is
   * held by the group, so a query on the database itself would wait for the
   * group, and the group for it.
   */
  run<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as Unit['resolve'], reject });
      this.#scheduleGroup();
    });
  }

  #scheduleGroup(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      void this.#writeGroup(this.#queue.splice(0, MAX_GROUP)).finally(() => {
        this.#scheduled = false;
        if (this.#queue.length > 0) this.#scheduleGroup();
      });
    });
  }

  async #writeGroup(units: readonly Unit[]): Promise<void> {
    let trx: Trx;
    try {
      trx = await this.#begin();
    } catch (error) {
      for (const unit of units) unit.reject(error);
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      for (const unit of units) {
        outcomes.push(
          units.length === 1 ? await this.#alone(trx, unit) : await this.#inGroup(trx, unit),
        );
      }
    } catch (error) {
      // The transaction itself failed (a savepoint could not be taken,
      // released or rolled back to): nothing of it may stand, and no refusal
      // in it holds; every unit hears the failure that ended it.
      await rollbackQuietly(trx);
      for (const unit of units) unit.reject(error);
      return;
    }
    if (outcomes.every((outcome) => outcome.refused)) {
      // Nothing is left to commit; a lone unit's transaction is already rolled back.
      if (units.length > 1) await rollbackQuietly(trx);
      for (const outcome of outcomes) outcome.unit.reject(outcome.error);
      return;
    }
    try {
      await trx.commit().execute();
    } catch (error) {
      await rollbackQuietly(trx);
      // A refusal may rest on an earlier unit's writes, which are now gone:
      // the refused units get the commit's failure too, and will try again.
      for (const outcome of outcomes) outcome.unit.reject(error);
      return;
    }
    for (const outcome of outcomes) {
      if (outcome.refused) outcome.unit.reject(outcome.error);
      else outcome.unit.resolve(outcome.value);
    }
  }

  async #begin(): Promise<Trx> {
    try {
      return await this.#db.kysely.startTransaction().execute();
    } catch (error) {
      // A rollback that failed can leave the connection inside a transaction
      // nobody holds (the group holds the connection, so no one else can);
      // its writes were never acknowledged. End it, and begin again.
      if (!/within a transaction/.test(String(error))) throw error;
      await sql`rollback`.execute(this.#db.kysely);
      return this.#db.kysely.startTransaction().execute();
    }
  }

  /** A unit with the transaction to itself: if it throws, the transaction is rolled back. */
  async #alone(trx: Trx, unit: Unit): Promise<Outcome> {
    try {
      return { unit, refused: false, value: await unit.work(trx) };
    } catch (error) {
      // SQLite may have ended the transaction already (a full disk, say);
      // either way the unit is answered with its own failure.
      await rollbackQuietly(trx);
      return { unit, refused: true, error };
    }
  }

  /** A unit sharing the transaction: if it throws, only its own savepoint is rolled back. */
  async #inGroup(trx: Trx, unit: Unit): Promise<Outcome> {
    await sql`savepoint unit`.execute(trx);
    let value: unknown;
    try {
      value = await unit.work(trx);
    } catch (error) {
      try {
        await sql`rollback to unit`.execute(trx);
        await sql`release unit`.execute(trx);
      } catch {
        // SQLite ended the whole transaction (a full disk, say), so the
        // savepoint is gone: the group fails, and the unit's failure says why.
        throw error;
      }
      return { unit, refused: true, error };
    }
    await sql`release unit`.execute(trx);
    return { unit, refused: false, value };
  }
}

/** What a unit's work came to; it is handed out once the group has settled. */
type Outcome =
  { unit: Unit; refused: false; value: unknown } | { unit: Unit; refused: true; error: unknown };

/** Rolls back, ignoring a transaction SQLite has already ended; Kysely frees the connection either way. */
async function rollbackQuietly(trx: Trx): Promise<void> {
  await trx
    .rollback()
    .execute()
    .catch(() => {});
}
