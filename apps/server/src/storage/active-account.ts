// Whether an account is still active, read inside a transaction that goes on
// to rely on it (a session for it, a client given to it as therapist).
// Invariant: on PostgreSQL the row is share-locked, so a disable or removal
// under way is waited for and then seen, and one that starts later waits for
// this transaction and then sees what it wrote; SQLite's transactions take
// turns anyway. Disabling and removing change the account row first
// (accounts-store.ts), so both sides meet at this lock before anything else.
import type { DatabaseHandle } from '../db/open.js';
import type { Tx } from '../db/tenancy.js';

export async function accountStillActive(
  db: DatabaseHandle,
  trx: Tx,
  clinicId: string,
  accountId: string,
): Promise<boolean> {
  let active = trx
    .selectFrom('accounts')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', accountId)
    .where('status', '=', 'active');
  if (db.dialect === 'postgres') active = active.forShare();
  return (await active.executeTakeFirst()) !== undefined;
}
