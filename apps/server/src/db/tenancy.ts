// Tenant isolation in the database. Every clinic-owned table (one with a
// clinic_id, or `clinics` itself) is visible on PostgreSQL only inside a
// transaction scoped to that clinic: row-level security compares each row's
// clinic with the transaction's `glutewake.clinic_id` setting, so a query
// that forgets its WHERE clause still cannot cross clinics. Directory tables
// are the few that must be read before the clinic is known (who signs in with
// this email, whose cookie is this); they hold no health data. On SQLite the
// scope is a plain transaction and isolation rests on the queries alone. On
// PostgreSQL a scoped transaction is opened and scoped in one round trip.
import { sql, type QueryExecutorProvider, type Transaction } from 'kysely';
import type { Database } from './database.js';
import type { DatabaseHandle } from './open.js';

/** Tables read before a clinic is known, and why each holds nothing clinical. */
export const DIRECTORY_TABLES = {
  server_setup: 'whether the first clinic exists',
  logins: 'which account an email signs in to',
  auth_sessions: 'which account a cookie belongs to',
  invitation_codes: 'which invitation a code opens',
  sign_in_attempts: 'counts for sign-in rate limits',
} as const;

/** The column that names a clinic-owned row's clinic. */
export function clinicColumnOf(table: string): string {
  return table === 'clinics' ? 'id' : 'clinic_id';
}

export const CLINIC_SETTING = 'glutewake.clinic_id';

export type Tx = Transaction<Database>;

/** Runs `work` in one transaction scoped to a clinic. */
export function inClinic<T>(
  db: DatabaseHandle,
  clinicId: string,
  work: (trx: Tx) => Promise<T>,
): Promise<T> {
  if (db.dialect === 'postgres' && UUID.test(clinicId)) return inClinicAtOnce(db, clinicId, work);
  return db.kysely.transaction().execute(async (trx) => {
    await scopeTo(db, trx, clinicId);
    return work(trx);
  });
}

/** Clinic ids are UUIDs we made; only such an id is ever written into SQL text. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * PostgreSQL: opens the transaction and scopes it in one round trip. With
 * no parameters pg uses the simple query protocol, which takes both
 * statements at once; the id is inlined, and only after the check above.
 */
async function inClinicAtOnce<T>(
  db: DatabaseHandle,
  clinicId: string,
  work: (trx: Tx) => Promise<T>,
): Promise<T> {
  return db.kysely.connection().execute(async (connection) => {
    await sql
      .raw(`begin; select set_config('${CLINIC_SETTING}', '${clinicId}', true)`)
      .execute(connection);
    let result: T;
    try {
      // The connection runs inside the transaction just opened, like a Transaction.
      result = await work(connection as unknown as Tx);
    } catch (error) {
      await sql
        .raw('rollback')
        .execute(connection)
        .catch(() => {});
      throw error;
    }
    await sql.raw('commit').execute(connection);
    return result;
  });
}

/** Runs `work` in one transaction that sees directory tables only. */
export function inDirectory<T>(db: DatabaseHandle, work: (trx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(work);
}

/** Scopes an open transaction to a clinic (until the transaction ends). */
export async function scopeTo(
  db: DatabaseHandle,
  trx: QueryExecutorProvider,
  clinicId: string,
): Promise<void> {
  if (db.dialect !== 'postgres') return;
  await sql`select set_config(${CLINIC_SETTING}, ${clinicId}, true)`.execute(trx);
}
