// Migration 0001: clinics, accounts and how people sign in. Clinics and
// accounts, invitations and the audit log are clinic-owned; logins, cookie
// sessions, invitation codes and sign-in attempts are directory tables. The
// audit log is append-only.
import type { Migration } from 'kysely';
import type { DialectName } from '../open.js';
import {
  isolateByClinic,
  makeAppendOnly,
  oneOfCheck,
  withAutoId,
  type MigrationDb,
} from './helpers.js';

export function clinicsAndAccounts(dialect: DialectName): Migration {
  return {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('clinics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await isolateByClinic(db, dialect, 'clinics');

      await db.schema
        .createTable('server_setup')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(oneOfCheck('id', ['1'])))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('done_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('role', 'text', (c) =>
          c.notNull().check(oneOfCheck('role', ['owner', 'therapist', 'client'])),
        )
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(oneOfCheck('status', ['active', 'disabled', 'removed'])),
        )
        .addColumn('therapist_id', 'text', (c) => c.references('accounts.id'))
        .addColumn('share_history', 'text', (c) =>
          c.notNull().check(oneOfCheck('share_history', ['all', 'from-joining'])),
        )
        .addColumn('share_symptoms', 'integer', (c) => c.notNull())
        .addColumn('share_notes', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('accounts_email_unique', ['email'])
        .execute();
      await db.schema
        .createIndex('accounts_by_clinic_role')
        .on('accounts')
        .columns(['clinic_id', 'role'])
        .execute();
      await db.schema
        .createIndex('accounts_by_therapist')
        .on('accounts')
        .column('therapist_id')
        .execute();
      await isolateByClinic(db, dialect, 'accounts');

      await db.schema
        .createTable('logins')
        .addColumn('email', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().unique().references('accounts.id'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .execute();

      await db.schema
        .createTable('auth_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('idle_timeout_ms', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('auth_sessions_by_account')
        .on('auth_sessions')
        .column('account_id')
        .execute();

      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('kind', 'text', (c) =>
          c.notNull().check(oneOfCheck('kind', ['client', 'therapist', 'owner'])),
        )
        .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
        .addColumn('therapist_id', 'text', (c) => c.references('accounts.id'))
        .addColumn('name_hint', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .addColumn('used_by', 'text', (c) => c.references('accounts.id'))
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('invitations_by_clinic')
        .on('invitations')
        .columns(['clinic_id', 'created_at'])
        .execute();
      await isolateByClinic(db, dialect, 'invitations');

      await db.schema
        .createTable('invitation_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .execute();

      await withAutoId(db.schema.createTable('sign_in_attempts'), dialect)
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text')
        .addColumn('succeeded', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sign_in_attempts_by_address')
        .on('sign_in_attempts')
        .columns(['address', 'at'])
        .execute();
      await db.schema
        .createIndex('sign_in_attempts_by_account')
        .on('sign_in_attempts')
        .columns(['account_id', 'at'])
        .execute();

      await withAutoId(db.schema.createTable('audit_log'), dialect)
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('clinic_id', 'text', (c) => c.references('clinics.id'))
        .addColumn('actor_id', 'text')
        .addColumn('subject_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('detail', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_by_clinic')
        .on('audit_log')
        .columns(['clinic_id', 'id'])
        .execute();
      await makeAppendOnly(db, dialect, 'audit_log');
      await isolateByClinic(db, dialect, 'audit_log', { allowNullClinic: true });
    },
  };
}
