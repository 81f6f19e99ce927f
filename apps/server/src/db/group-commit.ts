// Group commit for SQLite: pushes that arrive in the same turn of the event
// loop share one transaction and its one fsync. SQLite has one connection
// and writes one transaction at a time, and with synchronous=FULL each
// commit waits for the disk; when several devices push at once, most of that
// waiting can be shared. better-sqlite3 is synchronous, so a unit started
// the moment it arrives would run all the way to its commit before the
// server even read the next request, and no group would ever form. So each
// unit is queued, and the queue is written at the end of the turn
// (setImmediate), once every request read in that turn has joined it.
// Invariants: a unit's result is handed out only after the transaction that
// holds its writes has committed, so nothing is acknowledged before it is
// durable; a unit that throws leaves no trace and rejects at once (in a group
// of several it is rolled back to its own savepoint and the others go on; a
// unit alone has its transaction rolled back); if the commit fails, every
// unit of the group rejects and none of their writes remain; units run one
// at a time, in arrival order; a group holds at most MAX_GROUP units, and
// the next waits for a later turn, so other queries on the connection are
// never starved.
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

  /** Runs `work` in the turn's shared transaction; resolves once its writes are committed. */
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
      trx = await this.#db.kysely.startTransaction().execute();
    } catch (error) {
      for (const unit of units) unit.reject(error);
      return;
    }
    const held: { unit: Unit; value: unknown }[] = [];
    try {
      for (const unit of units) {
        const value =
          units.length === 1 ? await this.#alone(trx, unit) : await this.#inGroup(trx, unit);
        if (value !== REFUSED) held.push({ unit, value });
      }
    } catch (error) {
      // The transaction itself failed (a savepoint could not be taken or
      // released, or a lone unit's rollback failed): nothing of it may stand.
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      for (const unit of units) unit.reject(error);
      return;
    }
    if (held.length === 0) {
      // Every unit was refused: a lone one's transaction is already rolled back.
      if (units.length > 1) {
        await trx
          .rollback()
          .execute()
          .catch(() => {});
      }
      return;
    }
    try {
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      for (const { unit } of held) unit.reject(error);
      return;
    }
    for (const { unit, value } of held) unit.resolve(value);
  }

  /** A unit with the transaction to itself: if it throws, the transaction is rolled back. */
  async #alone(trx: Trx, unit: Unit): Promise<unknown> {
    try {
      return await unit.work(trx);
    } catch (error) {
      await trx.rollback().execute();
      unit.reject(error);
      return REFUSED;
    }
  }

  /** A unit sharing the transaction: if it throws, only its own savepoint is rolled back. */
  async #inGroup(trx: Trx, unit: Unit): Promise<unknown> {
    await sql`savepoint unit`.execute(trx);
    let value: unknown;
    try {
      value = await unit.work(trx);
    } catch (error) {
      await sql`rollback to unit`.execute(trx);
      await sql`release unit`.execute(trx);
      unit.reject(error);
      return REFUSED;
    }
    await sql`release unit`.execute(trx);
    return value;
  }
}

/** What a unit that threw (and was already answered) leaves in place of a value. */
const REFUSED = Symbol('refused');
