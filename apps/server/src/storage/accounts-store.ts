// Setup, clinics and accounts over Kysely. Invariants: an account and its
// login row are written together; emails are unique across the server;
// disabling an account or removing a therapist ends every session of theirs
// and revokes the invitations they made or that give clients to them,
// in the same transaction, so the next request from any device fails.
import type { AccountRow } from '../db/database.js';
import { isUniqueViolation } from '../db/failures.js';
import type { DatabaseHandle } from '../db/open.js';
import { inClinic, inDirectory, type Tx } from '../db/tenancy.js';
import {
  AlreadyExistsError,
  type Account,
  type AccountStore,
  type Clinic,
  type ClinicStore,
  type NewAccount,
  type SetupStore,
  type Sharing,
} from './types.js';

export function accountFromRow(row: AccountRow): Account {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    role: row.role,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    therapistId: row.therapist_id,
    sharing: {
      history: row.share_history,
      symptoms: row.share_symptoms === 1,
      notes: row.share_notes === 1,
    },
    createdAt: Number(row.created_at),
  };
}

/** Inserts an account and its login; AlreadyExistsError when the email is taken. */
export async function insertAccount(trx: Tx, account: NewAccount): Promise<void> {
  try {
    await trx
      .insertInto('accounts')
      .values({
        id: account.id,
        clinic_id: account.clinicId,
        role: account.role,
        email: account.email,
        display_name: account.displayName,
        password_hash: account.passwordHash,
        status: 'active',
        therapist_id: account.therapistId,
        share_history: account.sharing.history,
        share_symptoms: account.sharing.symptoms ? 1 : 0,
        share_notes: account.sharing.notes ? 1 : 0,
        created_at: account.createdAt,
        updated_at: account.createdAt,
      })
      .execute();
    await trx
      .insertInto('logins')
      .values({ email: account.email, account_id: account.id, clinic_id: account.clinicId })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyExistsError('An account with that email');
    throw error;
  }
}

async function insertClinic(trx: Tx, clinic: Clinic): Promise<void> {
  await trx
    .insertInto('clinics')
    .values({ id: clinic.id, name: clinic.name, created_at: clinic.createdAt })
    .execute();
}

export function setupStore(db: DatabaseHandle): SetupStore {
  return {
    async isDone() {
      const row = await db.kysely.selectFrom('server_setup').select('id').executeTakeFirst();
      return row !== undefined;
    },
    async createFirstClinic(clinic, owner) {
      try {
        await inClinic(db, clinic.id, async (trx) => {
          await insertClinic(trx, clinic);
          // The primary key (always 1) lets only one setup ever commit.
          await trx
            .insertInto('server_setup')
            .values({ id: 1, clinic_id: clinic.id, done_at: clinic.createdAt })
            .execute();
          await insertAccount(trx, owner);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AlreadyExistsError('The first clinic');
        throw error;
      }
    },
  };
}

export function clinicStore(db: DatabaseHandle): ClinicStore {
  return {
    async create(clinic) {
      await inClinic(db, clinic.id, (trx) => insertClinic(trx, clinic));
    },
    async get(clinicId) {
      const row = await inClinic(db, clinicId, (trx) =>
        trx.selectFrom('clinics').selectAll().where('id', '=', clinicId).executeTakeFirst(),
      );
      return row === undefined
        ? null
        : { id: row.id, name: row.name, createdAt: Number(row.created_at) };
    },
  };
}

async function endSessionsOf(trx: Tx, accountId: string): Promise<void> {
  await trx.deleteFrom('auth_sessions').where('account_id', '=', accountId).execute();
}

/** Revokes every pending invitation an account made, or that gives clients to it. */
async function revokePendingInvitationsOf(
  trx: Tx,
  clinicId: string,
  accountId: string,
  at: number,
): Promise<void> {
  await trx
    .updateTable('invitations')
    .set({ revoked_at: at })
    .where('clinic_id', '=', clinicId)
    .where((eb) => eb.or([eb('created_by', '=', accountId), eb('therapist_id', '=', accountId)]))
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export function accountStore(db: DatabaseHandle): AccountStore {
  return {
    async findLogin(email) {
      const row = await inDirectory(db, (trx) =>
        trx.selectFrom('logins').selectAll().where('email', '=', email).executeTakeFirst(),
      );
      return row === undefined ? null : { accountId: row.account_id, clinicId: row.clinic_id };
    },
    async get(clinicId, accountId) {
      const row = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('accounts')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('id', '=', accountId)
          .executeTakeFirst(),
      );
      return row === undefined ? null : accountFromRow(row);
    },
    async passwordHashOf(clinicId, accountId) {
      const row = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('accounts')
          .select('password_hash')
          .where('clinic_id', '=', clinicId)
          .where('id', '=', accountId)
          .executeTakeFirst(),
      );
      return row?.password_hash ?? null;
    },
    async listStaff(clinicId) {
      const rows = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('accounts')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('role', 'in', ['owner', 'therapist'])
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
      );
      return rows.map(accountFromRow);
    },
    async listClients(clinicId, therapistId) {
      const rows = await inClinic(db, clinicId, (trx) => {
        let query = trx
          .selectFrom('accounts')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('role', '=', 'client');
        if (therapistId !== null) query = query.where('therapist_id', '=', therapistId);
        return query.orderBy('display_name').orderBy('id').execute();
      });
      return rows.map(accountFromRow);
    },
    async updateSharing(clinicId, accountId, sharing: Sharing, at) {
      await inClinic(db, clinicId, (trx) =>
        trx
          .updateTable('accounts')
          .set({
            share_history: sharing.history,
            share_symptoms: sharing.symptoms ? 1 : 0,
            share_notes: sharing.notes ? 1 : 0,
            updated_at: at,
          })
          .where('clinic_id', '=', clinicId)
          .where('id', '=', accountId)
          .execute(),
      );
    },
    async disable(clinicId, accountId, at) {
      await inClinic(db, clinicId, async (trx) => {
        // The account row first: an accept or sign-in under way waits on it (active-account.ts).
        await trx
          .updateTable('accounts')
          .set({ status: 'disabled', updated_at: at })
          .where('clinic_id', '=', clinicId)
          .where('id', '=', accountId)
          .execute();
        await revokePendingInvitationsOf(trx, clinicId, accountId, at);
        await endSessionsOf(trx, accountId);
      });
    },
    async removeTherapist(clinicId, therapistId, successorId, at) {
      await inClinic(db, clinicId, async (trx) => {
        // The account row first, as for disable: a client accepted meanwhile
        // is either refused, or committed before the move below and moved.
        await trx
          .updateTable('accounts')
          .set({ status: 'removed', updated_at: at })
          .where('clinic_id', '=', clinicId)
          .where('id', '=', therapistId)
          .execute();
        await trx
          .updateTable('accounts')
          .set({ therapist_id: successorId, updated_at: at })
          .where('clinic_id', '=', clinicId)
          .where('therapist_id', '=', therapistId)
          .execute();
        await revokePendingInvitationsOf(trx, clinicId, therapistId, at);
        await endSessionsOf(trx, therapistId);
      });
    },
  };
}
