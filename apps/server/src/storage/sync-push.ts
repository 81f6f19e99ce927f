// Pushing a batch of a device's events, exactly once, in one transaction
// scoped to the client's clinic: lock the device's cursor, refuse a gap or a
// device or session of another account (nothing written), skip what the
// cursor already covers, store the new events (or quarantine them with their
// reason), refold the sessions they touch and update the client's
// statistics (sync-derived.ts), move the cursor, and derive the
// acknowledgement from what is stored.
// Invariants: the acknowledgement of a range of sequence numbers is what is
// stored for it (read back, or, for a range this push stored whole, the rows
// it just wrote), so sending a batch again gets the same one; on
// PostgreSQL the device row, the sessions and the client's statistics row
// are locked (by the upserts that meet them, in that order) so two pushes from one device, or
// from two devices of one client, take turns where they meet; on SQLite
// every transaction already takes turns. A session the batch simply
// continues is folded on from this process's cached fold of its stored log
// (sync/folded-sessions.ts), checked against the stored count; any other is
// read back and refolded, so the summary is the fold of the whole log either
// way, placed in time no later than the server received its start
// (placedInServerTime: device clocks are kept, never trusted for when or in
// what order sessions happened).
import {
  applyEvent,
  foldSession,
  initialSessionState,
  summarize,
  type ProtocolLookup,
  type SessionEvent,
} from '@glutewake/core';
import type { GroupCommit } from '../db/group-commit.js';
import type { DatabaseHandle } from '../db/open.js';
import { inClinic, type Tx } from '../db/tenancy.js';
import { checkIncomingEvent, clientTimeOf } from '../sync/check-event.js';
import type { FoldedSession, FoldedSessions } from '../sync/folded-sessions.js';
import { placedInServerTime, summaryOfSession } from '../sync/session-statistics.js';
import { pushLookup } from './programs-store.js';
import {
  sessionLogs,
  type LoggedEvent,
  type SessionStanding,
  type StatisticsChange,
} from './sync-derived.js';
import type {
  IncomingEvent,
  PushResult,
  QuarantineReason,
  SyncAcknowledgement,
  SyncBatch,
} from './sync-types.js';
import { writePush, type EventRow, type PushWrites, type QuarantineRow } from './sync-writes.js';

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

/** Where a push's transaction comes from: its own, or a share of a group commit (SQLite). */
export interface PushContext {
  folded: FoldedSessions;
  /** On SQLite, pushes arriving together share one commit (db/group-commit.ts). */
  groupCommit: GroupCommit | null;
}

export async function pushBatch(
  db: DatabaseHandle,
  batch: SyncBatch,
  receivedAt: number,
  { folded, groupCommit }: PushContext,
): Promise<PushResult> {
  assertConsecutive(batch.events);
  const firstSeq = batch.events[0]?.seq;
  const lastSeq = batch.events.at(-1)?.seq;
  if (firstSeq === undefined || lastSeq === undefined) throw new Error('A batch must not be empty');
  const foldedNow = new Map<string, FoldedSession | null>();
  try {
    const transaction = <T>(work: (trx: Tx) => Promise<T>) =>
      groupCommit === null ? inClinic(db, batch.clinicId, work) : groupCommit.run(work);
    const result = await transaction(async (trx) => {
      const nextSeq = await lockDevice(trx, batch, receivedAt);
      if (firstSeq > nextSeq) throw new PushRefused({ kind: 'gap', expectedSeq: nextSeq });
      const fresh = batch.events.filter((incoming) => incoming.seq >= nextSeq);
      let parkedNow: readonly QuarantineRow[] = [];
      if (fresh.length > 0) {
        parkedNow = await applyFresh(db, trx, { batch, fresh, receivedAt, folded, foldedNow });
      }
      // A batch wholly past the cursor had none of its range stored before
      // this push, so what this push parked is all there is to tell.
      const acknowledgement =
        firstSeq === nextSeq
          ? acknowledgementOf(batch, firstSeq, lastSeq, parkedNow)
          : await acknowledgementFor(trx, batch, firstSeq, lastSeq);
      return { kind: 'acknowledged' as const, acknowledgement, replayed: fresh.length === 0 };
    });
    // Committed: now the folds may be remembered.
    for (const [sessionId, entry] of foldedNow) {
      if (entry === null) folded.forget(batch.clinicId, sessionId);
      else folded.set(batch.clinicId, sessionId, entry);
    }
    return result;
  } catch (error) {
    if (error instanceof PushRefused) return error.result;
    throw error;
  }
}

/** The device's next expected sequence number, with its row locked for this transaction. */
async function lockDevice(trx: Tx, batch: SyncBatch, receivedAt: number): Promise<number> {
  // One round trip: insert the device or, if it exists, touch nothing but
  // take its row lock (an upsert locks the row it meets) and read it back.
  const device = await trx
    .insertInto('sync_devices')
    .values({
      clinic_id: batch.clinicId,
      device_id: batch.deviceId,
      client_id: batch.clientId,
      next_seq: 1,
      created_at: receivedAt,
      updated_at: receivedAt,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['clinic_id', 'device_id'])
        .doUpdateSet((eb) => ({ updated_at: eb.ref('sync_devices.updated_at') })),
    )
    .returning(['client_id', 'next_seq'])
    .executeTakeFirstOrThrow();
  if (device.client_id !== batch.clientId) throw new PushRefused({ kind: 'device-taken' });
  return Number(device.next_seq);
}

interface FreshWork {
  batch: SyncBatch;
  fresh: readonly IncomingEvent[];
  receivedAt: number;
  folded: FoldedSessions;
  /** Filled with each touched session's fold (null: forget it), kept once committed. */
  foldedNow: Map<string, FoldedSession | null>;
}

/** Stores the fresh events and what they derive; returns the rows it quarantined, in seq order. */
async function applyFresh(
  db: DatabaseHandle,
  trx: Tx,
  work: FreshWork,
): Promise<readonly QuarantineRow[]> {
  const { batch, fresh, receivedAt } = work;
  const checked = fresh.map((incoming) => ({ incoming, check: checkIncomingEvent(incoming) }));
  const accepted = new Map<string, { index: number; event: SessionEvent }[]>();
  for (const { incoming, check } of checked) {
    if (check.kind !== 'accepted') continue;
    const list = accepted.get(incoming.sessionId) ?? [];
    list.push({ index: incoming.index, event: check.event });
    accepted.set(incoming.sessionId, list);
  }
  // Sorted, so that transactions locking several sessions lock them in one order.
  const touched = [...accepted.keys()].sort();
  const stored = await claimSessions(trx, batch, touched, receivedAt);
  await refuseIfAnothersSession(
    trx,
    batch,
    checked
      .filter(({ check }) => check.kind !== 'accepted')
      .map(({ incoming }) => incoming.sessionId),
  );
  // A session whose stored log this process has folded, and which the batch
  // simply continues, is folded from there; the others are read and refolded.
  const continuing = new Map<string, FoldedSession>();
  for (const sessionId of touched) {
    const storedCount = stored.get(sessionId)?.count ?? 0;
    const base =
      storedCount === 0
        ? { count: 0, state: initialSessionState }
        : work.folded.get(batch.clinicId, sessionId, storedCount);
    const added = accepted.get(sessionId) ?? [];
    if (base !== null && added.every(({ index }, offset) => index === base.count + offset)) {
      continuing.set(sessionId, base);
    }
  }
  const refolded = touched.filter((sessionId) => !continuing.has(sessionId));
  const logs = await sessionLogs(trx, batch.clinicId, refolded);

  // Rows are written field by field: spreading a shared owner object into
  // each of them cost more than everything else here put together.
  const { clinicId, clientId, deviceId } = batch;
  const eventRows: EventRow[] = [];
  const quarantineRows: QuarantineRow[] = [];
  const park = (incoming: IncomingEvent, reason: QuarantineReason, problems: string[]) =>
    quarantineRows.push({
      clinic_id: clinicId,
      client_id: clientId,
      device_id: deviceId,
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
    log.set(incoming.index, { json, event: check.event, receivedAt });
    eventRows.push({
      clinic_id: clinicId,
      client_id: clientId,
      device_id: deviceId,
      seq: incoming.seq,
      session_id: incoming.sessionId,
      event_index: incoming.index,
      event_type: check.event.type,
      event: json,
      client_at: check.event.at,
      received_at: receivedAt,
    });
  }
  const changed = new Set(eventRows.map((row) => row.session_id));
  // Only a session.started consults the lookup: the batch's own, and those refolded from the log.
  const lookup = await pushLookup(trx, batch.clinicId, batch.clientId, [
    ...[...accepted.values()].flat().map(({ event }) => event),
    ...refolded.map((sessionId) => startedOf(logs.get(sessionId))),
  ]);
  const rewritten: StatisticsChange['sessions'][number][] = [];
  const summaries: PushWrites['summaries'][number][] = [];
  for (const sessionId of changed) {
    const base = continuing.get(sessionId);
    const entry =
      base === undefined
        ? refold(lookup, logs.get(sessionId) ?? new Map())
        : continueFold(lookup, base, accepted.get(sessionId) ?? []);
    const before = stored.get(sessionId)?.standing ?? { startedAt: null, outcome: 'in-progress' };
    // Where the session's start arrived: a start already stored was placed by
    // then (and placing it again keeps it), else the stored or new event 0.
    const startReceivedAt =
      before.startedAt ?? logs.get(sessionId)?.get(0)?.receivedAt ?? receivedAt;
    const summary = placedInServerTime(summarize(entry.state), startReceivedAt);
    summaries.push({ sessionId, summary, eventCount: entry.count });
    // A session its lookup could not start (a program version not here yet) is never cached.
    const cacheable = !entry.holes && entry.state.plan !== null;
    work.foldedNow.set(sessionId, cacheable ? { count: entry.count, state: entry.state } : null);
    rewritten.push({ before, after: { startedAt: summary.startedAt, outcome: summary.outcome } });
  }
  const statistics: StatisticsChange = {
    sessions: rewritten,
    addedEvents: eventRows.length,
    addedQuarantined: quarantineRows.length,
  };
  const nextSeq = (fresh.at(-1)?.seq ?? 0) + 1;
  await writePush(
    db,
    trx,
    batch,
    { events: eventRows, quarantined: quarantineRows, summaries, statistics, nextSeq },
    receivedAt,
  );
  return quarantineRows;
}

/** The fold of a whole stored log, in position order; `holes` when positions are missing. */
function refold(lookup: ProtocolLookup, log: ReadonlyMap<number, LoggedEvent>) {
  const positions = [...log.keys()].sort((a, b) => a - b);
  const events = positions.map((position) => {
    const logged = log.get(position) as LoggedEvent;
    return logged.event ?? (JSON.parse(logged.json) as SessionEvent);
  });
  const state = foldSession(lookup, events);
  return { state, count: events.length, holes: positions.some((p, i) => p !== i) };
}

/** The event at position 0 of a stored log (its session.started, when it has one). */
function startedOf(log: ReadonlyMap<number, LoggedEvent> | undefined): SessionEvent | undefined {
  const first = log?.get(0);
  if (first === undefined) return undefined;
  return first.event ?? (JSON.parse(first.json) as SessionEvent);
}

/** A folded log continued by the events that follow it, position by position. */
function continueFold(
  lookup: ProtocolLookup,
  base: FoldedSession,
  added: readonly { event: SessionEvent }[],
) {
  const state = added.reduce((folded, { event }) => applyEvent(lookup, folded, event), base.state);
  return { state, count: base.count + added.length, holes: false };
}

/** A session's stored state as a push finds it, read under the session's lock. */
interface StoredSession {
  /** How many events its log held (0 for a session this push creates). */
  count: number;
  /** What it counted for in the client's statistics. */
  standing: SessionStanding;
}

/**
 * Makes every session in `sessionIds` the client's, or refuses the batch if
 * one is another's. Returns each session as it stood before this batch.
 */
async function claimSessions(
  trx: Tx,
  batch: SyncBatch,
  sessionIds: readonly string[],
  receivedAt: number,
): Promise<Map<string, StoredSession>> {
  const counts = new Map<string, StoredSession>();
  if (sessionIds.length === 0) return counts;
  const empty = summaryOfSession([]);
  // One round trip, as for the device: new sessions are inserted, existing
  // ones locked (in session id order) and read back, untouched.
  const owners = await trx
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
    .onConflict((conflict) =>
      conflict
        .columns(['clinic_id', 'session_id'])
        .doUpdateSet((eb) => ({ updated_at: eb.ref('session_summaries.updated_at') })),
    )
    .returning(['session_id', 'client_id', 'event_count', 'started_at', 'outcome'])
    .execute();
  const taken = owners.filter((row) => row.client_id !== batch.clientId);
  if (taken.length > 0) {
    throw new PushRefused({
      kind: 'session-taken',
      sessionIds: taken.map((row) => row.session_id),
    });
  }
  for (const row of owners) {
    counts.set(row.session_id, {
      count: Number(row.event_count),
      standing: {
        startedAt: row.started_at === null ? null : Number(row.started_at),
        outcome: row.outcome as SessionStanding['outcome'],
      },
    });
  }
  return counts;
}

/**
 * Refuses the batch if an event it only quarantines names another client's
 * session: a batch naming someone else's session is refused whole, whether
 * or not its events for it could be read.
 */
async function refuseIfAnothersSession(
  trx: Tx,
  batch: SyncBatch,
  sessionIds: readonly string[],
): Promise<void> {
  if (sessionIds.length === 0) return;
  const others = await trx
    .selectFrom('session_summaries')
    .select('session_id')
    .where('clinic_id', '=', batch.clinicId)
    .where('session_id', 'in', [...new Set(sessionIds)])
    .where('client_id', '!=', batch.clientId)
    .execute();
  if (others.length > 0) {
    throw new PushRefused({
      kind: 'session-taken',
      sessionIds: others.map((row) => row.session_id).sort(),
    });
  }
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
  return acknowledgementOf(batch, firstSeq, lastSeq, parked);
}

/** The acknowledgement of firstSeq..lastSeq given every quarantined row of that range, by seq. */
function acknowledgementOf(
  batch: SyncBatch,
  firstSeq: number,
  lastSeq: number,
  parked: readonly { seq: number; reason: string; problems: string }[],
): SyncAcknowledgement {
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
