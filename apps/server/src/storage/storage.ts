// The storage every server process uses: the stores of this folder over one
// database handle, SQLite or PostgreSQL. Invariants: `openStorage` never
// migrates (main.ts and tests do, explicitly); `health` touches the database
// for real, so a dead connection shows as a failure, not as a stale answer.
import { sql } from 'kysely';
import { migrationStatus } from '../db/migrate.js';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from '../db/open.js';
import { accountStore, clinicStore, setupStore } from './accounts-store.js';
import { auditStore } from './audit-store.js';
import { authSessionStore } from './auth-sessions-store.js';
import { invitationStore } from './invitations-store.js';
import { syncStore } from './sync-store.js';
import { protocolLibraryStore } from './library-store.js';
import { noteStore } from './notes-store.js';
import { programStore } from './programs-store.js';
import type { Storage } from './types.js';

export function storageOver(db: DatabaseHandle): Storage {
  return {
    dialect: db.dialect,
    setup: setupStore(db),
    clinics: clinicStore(db),
    accounts: accountStore(db),
    authSessions: authSessionStore(db),
    invitations: invitationStore(db),
    audit: auditStore(db),
    sync: syncStore(db),
    programs: programStore(db),
    library: protocolLibraryStore(db),
    notes: noteStore(db),
    async health() {
      await sql`select 1`.execute(db.kysely);
      return { dialect: db.dialect, migrations: await migrationStatus(db) };
    },
    close: () => db.close(),
  };
}

export function openStorage(config: DatabaseConfig): Storage {
  return storageOver(openDatabase(config));
}
