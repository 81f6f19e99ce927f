// Group commit for SQLite: pushes that arrive while another is being
// written share its transaction and its one fsync. SQLite has one
// connection and writes one transaction at a time, and with
// synchronous=FULL each commit waits for the disk; when several devices
// push at once, most of that waiting can be shared. Each unit of work runs
// inside its own savepoint of the shared transaction: a unit that throws is
// rolled back to its savepoint alone and rejects at once (it wrote
// nothing), the others go on. Invariants: a unit's result is handed out only
// after the transaction that holds its writes has committed, so nothing is
// acknowledged before it is durable; if the commit fails, every unit of the
// group rejects and none of their writes remain; units run one at a time,
// in arrival order; a group closes when no unit is waiting or when it holds
// MAX_GROUP units, so other queries on the connection are never starved.
import { sql, type ControlledTransaction } from 'kysely';
import type { Database } from './database.js';
import type { DatabaseHandle } from './open.js';
import type { Tx } from './tenancy.js';

const MAX_GROUP = 16;

interface Held {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  value: unknown;
}

interface OpenGroup {
  trx: ControlledTransaction<Database>;
  held: Held[];
}

export class GroupCommit {
  readonly #db: DatabaseHandle;
  /** The chain every unit waits on, so that they run one at a time. */
  #turn: Promise<void> = Promise.resolve();
  #waiting = 0;
  #open: OpenGroup | null = null;

  constructor(db: DatabaseHandle) {
    this.#db = db;
  }

  /** Runs `work` in the shared transaction; resolves once its writes are committed. */
  run<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    this.#waiting += 1;
    return new Promise<T>((resolve, reject) => {
      this.#turn = this.#turn.then(async () => {
        this.#waiting -= 1;
        await this.#runOne(work, { resolve: resolve as Held['resolve'], reject, value: undefined });
      });
    });
  }

  async #runOne<T>(work: (trx: Tx) => Promise<T>, unit: Held): Promise<void> {
    let group = this.#open;
    if (group === null) {
      try {
        group = { trx: await this.#db.kysely.startTransaction().execute(), held: [] };
      } catch (error) {
        unit.reject(error);
        return;
      }
      this.#open = group;
    }
    try {
      await sql`savepoint unit`.execute(group.trx);
      try {
        unit.value = await work(group.trx);
      } catch (error) {
        await sql`rollback to unit`.execute(group.trx);
        await sql`release unit`.execute(group.trx);
        unit.reject(error);
        return await this.#closeIfIdle(group);
      }
      await sql`release unit`.execute(group.trx);
      group.held.push(unit);
    } catch (error) {
      // The transaction itself failed (a savepoint could not be taken or
      // released): nothing of this group may stand.
      unit.reject(error);
      return await this.#abandon(group, error);
    }
    await this.#closeIfIdle(group);
  }

  async #closeIfIdle(group: OpenGroup): Promise<void> {
    if (this.#waiting > 0 && group.held.length < MAX_GROUP) return;
    this.#open = null;
    try {
      await group.trx.commit().execute();
    } catch (error) {
      await group.trx
        .rollback()
        .execute()
        .catch(() => {});
      for (const held of group.held) held.reject(error);
      return;
    }
    for (const held of group.held) held.resolve(held.value);
  }

  async #abandon(group: OpenGroup, error: unknown): Promise<void> {
    this.#open = null;
    await group.trx
      .rollback()
      .execute()
      .catch(() => {});
    for (const held of group.held) held.reject(error);
  }
}
