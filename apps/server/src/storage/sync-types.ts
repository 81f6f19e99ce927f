// The sync part of the storage interface, in the domain's words. A device
// pushes its session log in batches; each event carries the device's own
// sequence number (1, 2, 3, ... without gaps) and its place in its session.
// Invariants: a batch and the device's cursor commit in one transaction, or
// nothing does; a batch that starts past the cursor is refused whole (a gap);
// a batch, or the part of one, that the cursor already covers is answered
// with the acknowledgement it got the first time and writes nothing; an event
// that cannot be accepted is quarantined with its reason and still moves the
// cursor on; a device, and a session, belong to one client account for ever.
import type { SessionSummary } from '@glutewake/core';

export const QUARANTINE_REASONS = [
  /** The event breaks core's event schema (reps -5, pain 11, a missing field). */
  'invalid-event',
  /** A type this server does not know (a newer app, or garbage). */
  'unknown-type',
  /** A known type in a format version this server does not know. */
  'unknown-version',
  /** A session.started whose sessionId is not the session it was sent under. */
  'wrong-session',
  /** Another event, different from this one, already holds its place in the session. */
  'position-taken',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** One event as a device sends it: `event` is unchecked until the server checks it. */
export interface IncomingEvent {
  seq: number;
  sessionId: string;
  /** The event's position in its session's log, from 0. */
  index: number;
  event: unknown;
}

export interface SyncBatch {
  clinicId: string;
  clientId: string;
  deviceId: string;
  /** Consecutive sequence numbers, in order (the API checks this). */
  events: readonly IncomingEvent[];
}

export interface QuarantinedSeq {
  seq: number;
  reason: QuarantineReason;
  problems: string[];
}

/** What a device is told about a batch; the same every time that batch is sent. */
export interface SyncAcknowledgement {
  deviceId: string;
  /** Every event up to and including this sequence number is stored or quarantined. */
  throughSeq: number;
  /** The sequence number that should follow this batch. */
  nextSeq: number;
  accepted: number;
  quarantined: QuarantinedSeq[];
}

export type PushResult =
  | { kind: 'acknowledged'; acknowledgement: SyncAcknowledgement; replayed: boolean }
  | { kind: 'gap'; expectedSeq: number }
  | { kind: 'device-taken' }
  | { kind: 'session-taken'; sessionIds: string[] };

export type DeviceCursor = { kind: 'cursor'; nextSeq: number } | { kind: 'device-taken' };

export interface QuarantinedEvent {
  deviceId: string;
  seq: number;
  sessionId: string;
  index: number;
  reason: QuarantineReason;
  problems: string[];
  /** The event exactly as it arrived. */
  payload: unknown;
  clientAt: number | null;
  receivedAt: number;
}

/** An accepted event as stored: the device's clock and the server's both kept. */
export interface StoredSyncEvent {
  deviceId: string;
  seq: number;
  sessionId: string;
  index: number;
  event: unknown;
  clientAt: number;
  receivedAt: number;
}

/** A session's numbers as a therapist will see them, kept as events arrive. */
export interface StoredSessionSummary {
  sessionId: string;
  clientId: string;
  protocol: { id: string; version: number } | null;
  program: { id: string; version: number } | null;
  startedAt: number | null;
  endedAt: number | null;
  outcome: SessionSummary['outcome'];
  leftFiredAtRep: number | null;
  rightFiredAtRep: number | null;
  lastBalance: string | null;
  workReps: number;
  symptoms: Record<string, number> | null;
  note: string | null;
  eventCount: number;
  summary: SessionSummary;
}

export interface ClientStatistics {
  clientId: string;
  /** Sessions that have started (a session.started was accepted). */
  sessionsCount: number;
  endedSessionsCount: number;
  lastSessionAt: number | null;
  eventsCount: number;
  quarantinedCount: number;
  lastSyncedAt: number | null;
}

export interface NewProgramVersion {
  clinicId: string;
  clientId: string;
  /** The protocol document the therapist assigned. */
  protocol: unknown;
  createdAt: number;
  createdBy: string;
}

export interface ProgramVersion extends NewProgramVersion {
  version: number;
}

/** A session's figures without its full summary. */
export type SessionFigures = Omit<StoredSessionSummary, 'summary'>;

/** The few figures of a session that the client list reads, for many sessions at once. */
export type RecentSession = Pick<
  SessionFigures,
  | 'clientId'
  | 'protocol'
  | 'startedAt'
  | 'outcome'
  | 'leftFiredAtRep'
  | 'rightFiredAtRep'
  | 'lastBalance'
  | 'symptoms'
>;

/** Where a quarantined event stands in the newest-first order: what a page goes on after. */
export interface QuarantinePlace {
  receivedAt: number;
  deviceId: string;
  seq: number;
}

export interface SyncStore {
  /** Applies a batch exactly once (see the invariants above); `receivedAt` is the server's time. */
  push(batch: SyncBatch, receivedAt: number): Promise<PushResult>;
  /** The next sequence number a device must send (1 for a device never seen). */
  cursor(clinicId: string, clientId: string, deviceId: string): Promise<DeviceCursor>;
  /** A client's quarantined events, newest first; after `after` (the last of a previous page). */
  quarantine(
    clinicId: string,
    clientId: string,
    limit: number,
    after?: QuarantinePlace,
  ): Promise<QuarantinedEvent[]>;
  /** A client's accepted events, by session and position. */
  events(clinicId: string, clientId: string): Promise<StoredSyncEvent[]>;
  sessionSummaries(clinicId: string, clientId: string): Promise<StoredSessionSummary[]>;
  /** A client's aggregates; zeros for a client who never synced. */
  statistics(clinicId: string, clientId: string): Promise<ClientStatistics>;
  /** The aggregates of several clients of one clinic, one per id asked for, in that order. */
  statisticsOf(clinicId: string, clientIds: readonly string[]): Promise<ClientStatistics[]>;
  /** The recent figures of these clients' sessions started at or after `since`, oldest first. */
  recentSessions(
    clinicId: string,
    clientIds: readonly string[],
    since: number,
  ): Promise<RecentSession[]>;
  /** Assigns the client's next program version (1, 2, ...) and returns it. */
  createProgramVersion(program: NewProgramVersion): Promise<ProgramVersion>;
  /** A client's program versions after `afterVersion`, oldest first, at most `limit`. */
  programVersionsAfter(
    clinicId: string,
    clientId: string,
    afterVersion: number,
    limit: number,
  ): Promise<ProgramVersion[]>;
}
