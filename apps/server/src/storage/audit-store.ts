// The audit log and sign-in attempts over Kysely. Invariants: the audit log
// is append-only (the database refuses updates and deletes, see migration
// 0001); each entry belongs to one clinic, or to none (a failed sign-in for
// an unknown email), and a clinic's listing shows only its own entries.
// Sign-in attempts are a directory table, so limits hold before the clinic
// is known and across every server process sharing the database; an attempt
// is counted (reserved) before it is checked, in one transaction per attempt
// that on PostgreSQL holds an advisory lock per address and per account
// (SQLite's write transactions already take turns), so parallel guesses
// cannot all pass a count that none of them has added to yet.
import { sql } from 'kysely';
import type { AuditRow } from '../db/database.js';
import { insertRows } from '../db/insert-rows.js';
import type { DatabaseHandle } from '../db/open.js';
import { inClinic, inDirectory, type Tx } from '../db/tenancy.js';
import type { AuditEntry, AuditStore, NewAuditEntry } from './types.js';

function entryFromRow(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: Number(row.at),
    clinicId: row.clinic_id,
    actorId: row.actor_id,
    subjectId: row.subject_id,
    kind: row.kind,
    address: row.address,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}

function rowOf(entry: NewAuditEntry) {
  return {
    at: entry.at,
    clinic_id: entry.clinicId,
    actor_id: entry.actorId,
    subject_id: entry.subjectId,
    kind: entry.kind,
    address: entry.address,
    detail: entry.detail === null ? null : JSON.stringify(entry.detail),
  };
}

/** One key attempts are limited by, and how many failures it may have had. */
type AttemptKey = ({ address: string } | { accountId: string }) & { limit: number };

function lockNameOf(key: AttemptKey): string {
  return 'address' in key ? `sign-in address ${key.address}` : `sign-in account ${key.accountId}`;
}

async function failuresSince(trx: Tx, key: AttemptKey, since: number) {
  let query = trx
    .selectFrom('sign_in_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
    .where('succeeded', '=', 0)
    .where('at', '>=', since);
  query =
    'address' in key
      ? query.where('address', '=', key.address)
      : query.where('account_id', '=', key.accountId);
  const row = await query.executeTakeFirstOrThrow();
  return { count: Number(row.count), oldestAt: row.oldest === null ? null : Number(row.oldest) };
}

/** Sign-in attempts older than this are deleted as new ones arrive. */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export function auditStore(db: DatabaseHandle): AuditStore {
  return {
    async append(entries) {
      // Entries are grouped by clinic: each group is written in its clinic's scope.
      const byClinic = new Map<string | null, NewAuditEntry[]>();
      for (const entry of entries) {
        const group = byClinic.get(entry.clinicId);
        if (group === undefined) byClinic.set(entry.clinicId, [entry]);
        else group.push(entry);
      }
      for (const [clinicId, group] of byClinic) {
        // insertRows: a client list writes an entry per client shown, hundreds at once.
        const write = (trx: Tx) => insertRows(db, trx, 'audit_log', group.map(rowOf));
        if (clinicId === null) await inDirectory(db, write);
        else await inClinic(db, clinicId, write);
      }
    },
    async list(clinicId, { beforeId, limit }) {
      const rows = await inClinic(db, clinicId, (trx) => {
        let query = trx.selectFrom('audit_log').selectAll().where('clinic_id', '=', clinicId);
        if (beforeId !== undefined) query = query.where('id', '<', beforeId);
        return query.orderBy('id', 'desc').limit(limit).execute();
      });
      return rows.map(entryFromRow);
    },
    reserveSignInAttempt: (attempt, limits) =>
      inDirectory(db, async (trx) => {
        const keys: AttemptKey[] = [{ address: attempt.address, limit: limits.perAddress }];
        if (attempt.accountId !== null) {
          keys.push({ accountId: attempt.accountId, limit: limits.perAccount });
        }
        // Always address before account, so two attempts never wait on each other in a circle.
        if (db.dialect === 'postgres') {
          for (const key of keys) {
            await sql`select pg_advisory_xact_lock(hashtextextended(${lockNameOf(key)}, 0))`.execute(
              trx,
            );
          }
        }
        for (const key of keys) {
          const failed = await failuresSince(trx, key, limits.since);
          if (failed.count >= key.limit) {
            return { kind: 'limited' as const, oldestAt: failed.oldestAt ?? attempt.at };
          }
        }
        const { id } = await trx
          .insertInto('sign_in_attempts')
          .values({
            at: attempt.at,
            address: attempt.address,
            account_id: attempt.accountId,
            succeeded: 0,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .deleteFrom('sign_in_attempts')
          .where('at', '<', attempt.at - ATTEMPT_RETENTION_MS)
          .execute();
        return { kind: 'reserved' as const, id: Number(id) };
      }),
    async markSignInAttemptSucceeded(id) {
      await inDirectory(db, (trx) =>
        trx.updateTable('sign_in_attempts').set({ succeeded: 1 }).where('id', '=', id).execute(),
      );
    },
  };
}
