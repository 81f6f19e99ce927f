// Signed-in sessions over Kysely: a directory table keyed by the SHA-256 of
// the cookie's token, so a stolen database copy holds no usable cookie.
// Invariants: a session is created only for an account that is active at
// that moment, checked in the same transaction, so a sign-in that was still
// checking its password when the account was disabled or removed gets no
// session; `touch` only moves last_seen_at forward; ending sessions is a
// delete, so an ended session can never be revived.
import type { AuthSessionRow } from '../db/database.js';
import type { DatabaseHandle } from '../db/open.js';
import { inClinic } from '../db/tenancy.js';
import { accountStillActive } from './active-account.js';
import type { AuthSession, AuthSessionStore } from './types.js';

function sessionFromRow(row: AuthSessionRow): AuthSession {
  return {
    tokenHash: row.token_hash,
    accountId: row.account_id,
    clinicId: row.clinic_id,
    role: row.role,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    idleTimeoutMs: Number(row.idle_timeout_ms),
    expiresAt: Number(row.expires_at),
  };
}

export function authSessionStore(db: DatabaseHandle): AuthSessionStore {
  const { kysely } = db;
  return {
    create: (session) =>
      inClinic(db, session.clinicId, async (trx) => {
        // A disable under way is waited for and seen (active-account.ts).
        if (!(await accountStillActive(db, trx, session.clinicId, session.accountId))) return false;
        await trx
          .insertInto('auth_sessions')
          .values({
            token_hash: session.tokenHash,
            account_id: session.accountId,
            clinic_id: session.clinicId,
            role: session.role,
            created_at: session.createdAt,
            last_seen_at: session.lastSeenAt,
            idle_timeout_ms: session.idleTimeoutMs,
            expires_at: session.expiresAt,
          })
          .execute();
        return true;
      }),
    async find(tokenHash) {
      const row = await kysely
        .selectFrom('auth_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined ? null : sessionFromRow(row);
    },
    async touch(tokenHash, at) {
      await kysely
        .updateTable('auth_sessions')
        .set({ last_seen_at: at })
        .where('token_hash', '=', tokenHash)
        .where('last_seen_at', '<', at)
        .execute();
    },
    async end(tokenHash) {
      await kysely.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
    },
    async endAllOf(accountId) {
      const result = await kysely
        .deleteFrom('auth_sessions')
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
