// Pushing a batch of a device's events, exactly once, in one transaction
// scoped to the client's clinic: lock the device's cursor, refuse a gap or a
// device or session of another account (nothing written), skip what the
// cursor already covers, store the new events (or quarantine them with their
// reason), refold the sessions they touch and update the client's
// statistics (sync-derived.ts), move the cursor, and derive the
// acknowledgement from what is stored.
// Invariants: the acknowledgement of a range of sequence numbers is computed
// from stored rows only, so sending a batch again gets the same one; on
// PostgreSQL the device row, the sessions and the client's statistics row
// are locked (FOR UPDATE, in that order) so two pushes from one device, or
// from two devices of one client, take turns where they meet; on SQLite
// every transaction already takes turns.
import type { DatabaseHandle } from '../db/open.js';
import { inClinic, type Tx } from '../db/tenancy.js';
import { checkIncomingEvent, clientTimeOf } from '../sync/check-event.js';
import { summaryOfSession } from '../sync/session-statistics.js';
import { sessionLogs, storeStatistics, storeSummary, type LoggedEvent } from './sync-derived.js';
import type {
  IncomingEvent,
  PushResult,
  QuarantineReason,
  SyncAcknowledgement,
  SyncBatch,
} from './sync-types.js';

/** Thrown inside the transaction to roll it back, and turned into its result outside. */
class PushRefused extends Error {
  constructor(readonly result: Exclude<PushResult, { kind: 'acknowledged' }>) {
    super(result.kind);
    this.name = 'PushRefused';
  }
}

function assertConsecutive(events: readonly IncomingEvent[]): void {
  events.forEach((incoming, position) => {
    const first = events[0]?.seq ?? 0;
    if (incoming.seq !== first + position) {
      throw new Error('A batch must hold consecutive sequence numbers in order');
    }
  });
}

export async function pushBatch(
  db: DatabaseHandle,
  batch: SyncBatch,
  receivedAt: number,
): Promise<PushResult> {
  assertConsecutive(batch.events);
  const firstSeq = batch.events[0]?.seq;
  const lastSeq = batch.events.at(-1)?.seq;
  if (firstSeq === undefined || lastSeq === undefined) throw new Error('A batch must not be empty');
  try {
    return await inClinic(db, batch.clinicId, async (trx) => {
      const nextSeq = await lockDevice(db, trx, batch, receivedAt);
      if (firstSeq > nextSeq) throw new PushRefused({ kind: 'gap', expectedSeq: nextSeq });
      const fresh = batch.events.filter((incoming) => incoming.seq >= nextSeq);
      if (fresh.length > 0) {
        await applyFresh(db, trx, batch, fresh, receivedAt);
        await trx
          .updateTable('sync_devices')
          .set({ next_seq: lastSeq + 1, updated_at: receivedAt })
          .where('clinic_id', '=', batch.clinicId)
          .where('device_id', '=', batch.deviceId)
          .execute();
      }
      const acknowledgement = await acknowledgementFor(trx, batch, firstSeq, lastSeq);
      return { kind: 'acknowledged', acknowledgement, replayed: fresh.length === 0 };
    });
  } catch (error) {
    if (error instanceof PushRefused) return error.result;
    throw error;
  }
}

/** The device's next expected sequence number, with its row locked for this transaction. */
async function lockDevice(
  db: DatabaseHandle,
  trx: Tx,
  batch: SyncBatch,
  receivedAt: number,
): Promise<number> {
  await trx
    .insertInto('sync_devices')
    .values({
      clinic_id: batch.clinicId,
      device_id: batch.deviceId,
      client_id: batch.clientId,
      next_seq: 1,
      created_at: receivedAt,
      updated_at: receivedAt,
    })
    .onConflict((conflict) => conflict.columns(['clinic_id', 'device_id']).doNothing())
    .execute();
  let query = trx
    .selectFrom('sync_devices')
    .select(['client_id', 'next_seq'])
    .where('clinic_id', '=', batch.clinicId)
    .where('device_id', '=', batch.deviceId);
  if (db.dialect === 'postgres') query = query.forUpdate();
  const device = await query.executeTakeFirstOrThrow();
  if (device.client_id !== batch.clientId) throw new PushRefused({ kind: 'device-taken' });
  return Number(device.next_seq);
}

interface QuarantineRow {
  clinic_id: string;
  client_id: string;
  device_id: string;
  seq: number;
  session_id: string;
  event_index: number;
  reason: QuarantineReason;
  problems: string;
  payload: string;
  client_at: number | null;
  received_at: number;
}

const INSERT_CHUNK = 200;

async function applyFresh(
  db: DatabaseHandle,
  trx: Tx,
  batch: SyncBatch,
  fresh: readonly IncomingEvent[],
  receivedAt: number,
): Promise<void> {
  const checked = fresh.map((incoming) => ({ incoming, check: checkIncomingEvent(incoming) }));
  // Sorted, so that transactions locking several sessions lock them in one order.
  const touched = [
    ...new Set(
      checked
        .filter(({ check }) => check.kind === 'accepted')
        .map(({ incoming }) => incoming.sessionId),
    ),
  ].sort();
  const continued = await claimSessions(db, trx, batch, touched, receivedAt);
  const logs = await sessionLogs(trx, batch.clinicId, continued);

  const owner = { clinic_id: batch.clinicId, client_id: batch.clientId, device_id: batch.deviceId };
  const eventRows = [];
  const quarantineRows: QuarantineRow[] = [];
  const park = (incoming: IncomingEvent, reason: QuarantineReason, problems: string[]) =>
    quarantineRows.push({
      ...owner,
      seq: incoming.seq,
      session_id: incoming.sessionId,
      event_index: incoming.index,
      reason,
      problems: JSON.stringify(problems),
      payload: JSON.stringify(incoming.event),
      client_at: clientTimeOf(incoming.event),
      received_at: receivedAt,
    });
  for (const { incoming, check } of checked) {
    if (check.kind === 'quarantined') {
      park(incoming, check.reason, check.problems);
      continue;
    }
    const log = logs.get(incoming.sessionId) ?? new Map<number, LoggedEvent>();
    logs.set(incoming.sessionId, log);
    const json = JSON.stringify(check.event);
    const held = log.get(incoming.index);
    // The very same event already in its place (sent again by another device) adds nothing.
    if (held?.json === json) continue;
    if (held !== undefined) {
      park(incoming, 'position-taken', [
        `index ${incoming.index} of this session already holds a different event`,
      ]);
      continue;
    }
    log.set(incoming.index, { json, event: check.event });
    eventRows.push({
      ...owner,
      seq: incoming.seq,
      session_id: incoming.sessionId,
      event_index: incoming.index,
      event_type: check.event.type,
      event: json,
      client_at: check.event.at,
      received_at: receivedAt,
    });
  }
  for (let start = 0; start < eventRows.length; start += INSERT_CHUNK) {
    await trx
      .insertInto('sync_events')
      .values(eventRows.slice(start, start + INSERT_CHUNK))
      .execute();
  }
  for (let start = 0; start < quarantineRows.length; start += INSERT_CHUNK) {
    await trx
      .insertInto('sync_quarantine')
      .values(quarantineRows.slice(start, start + INSERT_CHUNK))
      .execute();
  }
  const changed = new Set(eventRows.map((row) => row.session_id));
  for (const sessionId of changed) {
    await storeSummary(trx, batch, sessionId, logs.get(sessionId) ?? new Map(), receivedAt);
  }
  await storeStatistics(db, trx, batch, eventRows.length, quarantineRows.length, receivedAt);
}

/**
 * Makes every session in `sessionIds` the client's, or refuses the batch if
 * one is another's. Returns the sessions that existed before (the others
 * have no stored events yet).
 */
async function claimSessions(
  db: DatabaseHandle,
  trx: Tx,
  batch: SyncBatch,
  sessionIds: readonly string[],
  receivedAt: number,
): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const empty = summaryOfSession([]);
  const inserted = await trx
    .insertInto('session_summaries')
    .values(
      sessionIds.map((sessionId) => ({
        clinic_id: batch.clinicId,
        session_id: sessionId,
        client_id: batch.clientId,
        outcome: empty.outcome,
        work_reps: 0,
        event_count: 0,
        summary: JSON.stringify(empty),
        updated_at: receivedAt,
      })),
    )
    .onConflict((conflict) => conflict.columns(['clinic_id', 'session_id']).doNothing())
    .returning('session_id')
    .execute();
  const created = new Set(inserted.map((row) => row.session_id));
  const existing = sessionIds.filter((sessionId) => !created.has(sessionId));
  if (existing.length === 0) return existing;
  let query = trx
    .selectFrom('session_summaries')
    .select(['session_id', 'client_id'])
    .where('clinic_id', '=', batch.clinicId)
    .where('session_id', 'in', existing)
    .orderBy('session_id');
  if (db.dialect === 'postgres') query = query.forUpdate();
  const owners = await query.execute();
  const taken = owners.filter((row) => row.client_id !== batch.clientId);
  if (taken.length > 0) {
    throw new PushRefused({
      kind: 'session-taken',
      sessionIds: taken.map((row) => row.session_id),
    });
  }
  return existing;
}

/** The acknowledgement of sequence numbers firstSeq..lastSeq, from stored rows alone. */
async function acknowledgementFor(
  trx: Tx,
  batch: SyncBatch,
  firstSeq: number,
  lastSeq: number,
): Promise<SyncAcknowledgement> {
  const parked = await trx
    .selectFrom('sync_quarantine')
    .select(['seq', 'reason', 'problems'])
    .where('clinic_id', '=', batch.clinicId)
    .where('device_id', '=', batch.deviceId)
    .where('seq', '>=', firstSeq)
    .where('seq', '<=', lastSeq)
    .orderBy('seq')
    .execute();
  return {
    deviceId: batch.deviceId,
    throughSeq: lastSeq,
    nextSeq: lastSeq + 1,
    accepted: lastSeq - firstSeq + 1 - parked.length,
    quarantined: parked.map((row) => ({
      seq: Number(row.seq),
      reason: row.reason as QuarantineReason,
      problems: JSON.parse(row.problems) as string[],
    })),
  };
}
