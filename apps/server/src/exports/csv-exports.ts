// The portal's CSV tables (sessions, check-ins, symptoms) for one client or a
// whole caseload: core's own tables (packages/core/src/export/tables.ts),
// the same columns and format as the person's own export from the app, with
// two columns in front for a caseload (client_id, client_name).
// docs/portal-exports.md documents every column. Invariants: pure; rows
// come client by client in the order given (by name, as storage lists
// them), then as core orders them (oldest session first); times are in UTC
// (offset +00:00) and dates are UTC days, because the server does not know
// a client's time zone; the logs are already filtered by sharing.
import {
  CHECKIN_COLUMNS,
  csvRows,
  csvTable,
  SESSION_COLUMNS,
  SYMPTOM_ROW_COLUMNS,
  type CsvCell,
  type CsvRows,
} from '@glutewake/core';
import type { Account } from '../storage/types.js';
import type { SharedSessions } from './client-record.js';

export const CSV_TABLES = ['sessions', 'checkins', 'symptoms'] as const;
export type CsvTableName = (typeof CSV_TABLES)[number];

export const CLIENT_CSV_COLUMNS: Record<CsvTableName, readonly string[]> = {
  sessions: SESSION_COLUMNS,
  checkins: CHECKIN_COLUMNS,
  symptoms: SYMPTOM_ROW_COLUMNS,
};

export const CLINIC_CLIENT_COLUMNS = ['client_id', 'client_name'] as const;

export const CLINIC_CSV_COLUMNS: Record<CsvTableName, readonly string[]> = {
  sessions: [...CLINIC_CLIENT_COLUMNS, ...SESSION_COLUMNS],
  checkins: [...CLINIC_CLIENT_COLUMNS, ...CHECKIN_COLUMNS],
  symptoms: [...CLINIC_CLIENT_COLUMNS, ...SYMPTOM_ROW_COLUMNS],
};

type Shared = Pick<SharedSessions, 'logs' | 'lookup'>;

/** Core's rows, in UTC: the server does not know the client's time zone. */
function rowsOf({ logs, lookup }: Shared): CsvRows {
  return csvRows(logs, { lookup, utcOffsetMinutes: () => 0 });
}

export function clientCsv(table: CsvTableName, shared: Shared): string {
  return csvTable(CLIENT_CSV_COLUMNS[table], rowsOf(shared)[table]);
}

/** One client's rows of a caseload table: client_id and client_name, then the client table's cells. */
export function clinicRowsOf(table: CsvTableName, client: Account, shared: Shared): CsvCell[][] {
  return rowsOf(shared)[table].map((row): CsvCell[] => [client.id, client.displayName, ...row]);
}

export function clinicCsv(table: CsvTableName, rows: readonly (readonly CsvCell[])[]): string {
  return csvTable(CLINIC_CSV_COLUMNS[table], rows);
}
