// Migration 0004: sessions stored before the server placed sessions in its
// own time. Since then a session never starts later than the server received
// its first event (sync/session-statistics.ts, placedInServerTime); a summary
// stored earlier from a device whose clock ran ahead still carries the
// device's start. This moves each such summary back to when its first event
// arrived, its end by as much (durations stay as the device measured them),
// in its columns and its stored summary alike, and recounts the latest
// session of every client it touched. Data only, no schema change; a summary
// already placed is left as it is, so running it again changes nothing. The
// events keep the device's own times, so there is nothing to undo on the way
// down. On PostgreSQL each clinic's rows are reached in that clinic's scope
// (row-level security), the clinics found in the login directory.
import { sql, type Migration } from 'kysely';
import type { DialectName } from '../open.js';
import { CLINIC_SETTING } from '../tenancy.js';
import type { MigrationDb } from './helpers.js';

export function sessionsPlacedInServerTime(dialect: DialectName): Migration {
  return {
    async up(db: MigrationDb) {
      // PostgreSQL runs each migration in a transaction already; SQLite does not.
      if (dialect === 'postgres') await placeEveryClinic(db, dialect);
      else await db.transaction().execute((trx) => placeEveryClinic(trx, dialect));
    },
    async down() {},
  };
}

async function placeEveryClinic(db: MigrationDb, dialect: DialectName): Promise<void> {
  const clinics = await db.selectFrom('logins').select('clinic_id').distinct().execute();
  for (const { clinic_id: clinicId } of clinics as { clinic_id: string }[]) {
    if (dialect === 'postgres') {
      await sql`select set_config(${CLINIC_SETTING}, ${clinicId}, true)`.execute(db);
    }
    await placeClinic(db, clinicId);
  }
}

interface AheadRow {
  session_id: string;
  client_id: string;
  started_at: number | string;
  ended_at: number | string | null;
  summary: string;
  received_at: number | string;
}

async function placeClinic(db: MigrationDb, clinicId: string): Promise<void> {
  const ahead = (await db
    .selectFrom('session_summaries as s')
    .innerJoin('sync_events as e', (join) =>
      join.onRef('e.clinic_id', '=', 's.clinic_id').onRef('e.session_id', '=', 's.session_id'),
    )
    .select(['s.session_id', 's.client_id', 's.started_at', 's.ended_at', 's.summary'])
    .select('e.received_at')
    .where('s.clinic_id', '=', clinicId)
    .where('e.event_index', '=', 0)
    .whereRef('s.started_at', '>', 'e.received_at')
    .execute()) as AheadRow[];
  const clients = new Set<string>();
  for (const row of ahead) {
    const startedAt = Number(row.received_at);
    const shift = Number(row.started_at) - startedAt;
    const endedAt = row.ended_at === null ? null : Number(row.ended_at) - shift;
    await db
      .updateTable('session_summaries')
      .set({
        started_at: startedAt,
        ended_at: endedAt,
        summary: summaryMovedBack(row.summary, shift),
      })
      .where('clinic_id', '=', clinicId)
      .where('session_id', '=', row.session_id)
      .execute();
    clients.add(row.client_id);
  }
  for (const clientId of clients) {
    const latest = (await db
      .selectFrom('session_summaries')
      .select((eb) => eb.fn.max('started_at').as('last'))
      .where('clinic_id', '=', clinicId)
      .where('client_id', '=', clientId)
      .executeTakeFirst()) as { last: number | string | null } | undefined;
    const last = latest?.last ?? null;
    await db
      .updateTable('client_statistics')
      .set({ last_session_at: last === null ? null : Number(last) })
      .where('clinic_id', '=', clinicId)
      .where('client_id', '=', clientId)
      .execute();
  }
}

/** The stored summary's start and end moved back by `shift` ms (anything else kept). */
function summaryMovedBack(json: string, shift: number): string {
  const summary = JSON.parse(json) as Record<string, unknown>;
  const moved = (value: unknown) => (typeof value === 'number' ? value - shift : value);
  return JSON.stringify({
    ...summary,
    startedAt: moved(summary.startedAt),
    endedAt: moved(summary.endedAt),
  });
}
