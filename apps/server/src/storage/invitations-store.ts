// Invitations over Kysely. The code itself is never stored: a directory row
// maps the code's SHA-256 to the invitation. Invariants: accepting is one
// transaction that marks the invitation used only if it is still pending
// (not used, revoked or expired) and creates the account with it, so a code
// works exactly once even when two people race to use it; a client
// invitation whose therapist has been disabled or removed (or is being, at
// that moment) opens nothing, so no client is ever given to a therapist who
// is gone.
import type { InvitationRow } from '../db/database.js';
import type { DatabaseHandle } from '../db/open.js';
import { inClinic, inDirectory } from '../db/tenancy.js';
import { insertAccount } from './accounts-store.js';
import { accountStillActive } from './active-account.js';
import type { Invitation, InvitationStore } from './types.js';

function invitationFromRow(row: InvitationRow): Invitation {
  const optionalTime = (value: number | null) => (value === null ? null : Number(value));
  return {
    id: row.id,
    clinicId: row.clinic_id,
    kind: row.kind,
    createdBy: row.created_by,
    therapistId: row.therapist_id,
    nameHint: row.name_hint,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    usedAt: optionalTime(row.used_at),
    usedBy: row.used_by,
    revokedAt: optionalTime(row.revoked_at),
  };
}

export function invitationStore(db: DatabaseHandle): InvitationStore {
  const get = async (clinicId: string, invitationId: string) => {
    const row = await inClinic(db, clinicId, (trx) =>
      trx
        .selectFrom('invitations')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('id', '=', invitationId)
        .executeTakeFirst(),
    );
    return row === undefined ? null : invitationFromRow(row);
  };

  return {
    get,
    async create(invitation, codeHash) {
      await inClinic(db, invitation.clinicId, async (trx) => {
        await trx
          .insertInto('invitations')
          .values({
            id: invitation.id,
            clinic_id: invitation.clinicId,
            kind: invitation.kind,
            created_by: invitation.createdBy,
            therapist_id: invitation.therapistId,
            name_hint: invitation.nameHint,
            created_at: invitation.createdAt,
            expires_at: invitation.expiresAt,
            used_at: null,
            used_by: null,
            revoked_at: null,
          })
          .execute();
        await trx
          .insertInto('invitation_codes')
          .values({
            code_hash: codeHash,
            invitation_id: invitation.id,
            clinic_id: invitation.clinicId,
          })
          .execute();
      });
    },
    async findByCode(codeHash) {
      const code = await inDirectory(db, (trx) =>
        trx
          .selectFrom('invitation_codes')
          .selectAll()
          .where('code_hash', '=', codeHash)
          .executeTakeFirst(),
      );
      return code === undefined ? null : get(code.clinic_id, code.invitation_id);
    },
    async list(clinicId, createdBy) {
      const rows = await inClinic(db, clinicId, (trx) => {
        let query = trx.selectFrom('invitations').selectAll().where('clinic_id', '=', clinicId);
        if (createdBy !== null) query = query.where('created_by', '=', createdBy);
        return query.orderBy('created_at', 'desc').orderBy('id').execute();
      });
      return rows.map(invitationFromRow);
    },
    async revoke(clinicId, invitationId, at) {
      await inClinic(db, clinicId, (trx) =>
        trx
          .updateTable('invitations')
          .set({ revoked_at: at })
          .where('clinic_id', '=', clinicId)
          .where('id', '=', invitationId)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .execute(),
      );
    },
    async accept(invitationId, account) {
      return inClinic(db, account.clinicId, async (trx) => {
        const { therapistId } = account;
        if (
          therapistId !== null &&
          !(await accountStillActive(db, trx, account.clinicId, therapistId))
        ) {
          return false;
        }
        const claimed = await trx
          .updateTable('invitations')
          .set({ used_at: account.createdAt })
          .where('clinic_id', '=', account.clinicId)
          .where('id', '=', invitationId)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', account.createdAt)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return false;
        await insertAccount(trx, account);
        await trx
          .updateTable('invitations')
          .set({ used_by: account.id })
          .where('id', '=', invitationId)
          .execute();
        return true;
      });
    },
  };
}
