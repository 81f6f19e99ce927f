// The audit log and sign-in attempts over Kysely. Invariants: the audit log
// is append-only (the database refuses updates and deletes, see migration
// 0001); each entry belongs to one clinic, or to none (a failed sign-in for
// an unknown email), and a clinic's listing shows only its own entries.
// Sign-in attempts are a directory table, so limits hold before the clinic
// is known and across every server process sharing the database.
import type { AuditRow } from '../db/database.js';
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
        const write = (trx: Tx) => trx.insertInto('audit_log').values(group.map(rowOf)).execute();
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
    async recordSignInAttempt(attempt) {
      await inDirectory(db, async (trx) => {
        await trx
          .insertInto('sign_in_attempts')
          .values({
            at: attempt.at,
            address: attempt.address,
            account_id: attempt.accountId,
            succeeded: attempt.succeeded ? 1 : 0,
          })
          .execute();
        await trx
          .deleteFrom('sign_in_attempts')
          .where('at', '<', attempt.at - ATTEMPT_RETENTION_MS)
          .execute();
      });
    },
    async failedSignInsSince(key, since) {
      let query = db.kysely
        .selectFrom('sign_in_attempts')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
        .where('succeeded', '=', 0)
        .where('at', '>=', since);
      query =
        'address' in key
          ? query.where('address', '=', key.address)
          : query.where('account_id', '=', key.accountId);
      const row = await query.executeTakeFirstOrThrow();
      return {
        count: Number(row.count),
        oldestAt: row.oldest === null ? null : Number(row.oldest),
      };
    },
  };
}
