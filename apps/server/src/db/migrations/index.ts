// Every migration, in order. Invariants: names sort in the order they run
// (a four-digit prefix); a released migration is never edited or removed, so
// a database at any earlier version upgrades to the latest one by running the
// ones it has not seen (tested from empty and from each earlier version).
import type { Migration } from 'kysely';
import type { DialectName } from '../open.js';
import { clinicsAndAccounts } from './0001-clinics-and-accounts.js';
import { sync } from './0002-sync.js';
import { programsLibraryNotes } from './0003-programs-library-notes.js';
import { sessionsPlacedInServerTime } from './0004-sessions-placed-in-server-time.js';

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-clinics-and-accounts': clinicsAndAccounts(dialect),
    '0002-sync': sync(dialect),
    '0003-programs-library-notes': programsLibraryNotes(dialect),
    '0004-sessions-placed-in-server-time': sessionsPlacedInServerTime(dialect),
  };
}

export function migrationNames(): string[] {
  return Object.keys(migrationsFor('sqlite'));
}
