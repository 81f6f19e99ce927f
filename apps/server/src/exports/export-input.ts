// What a client's clinical export is made of, as the portal may show it: the
// clinic, the client and their therapist, the client's program versions, and
// each session with its check-ins. Invariants: the sessions are already
// filtered by the client's sharing choices (sync/shared-with-staff.ts), so a
// withheld field is null here and the builders never see it; times are epoch
// milliseconds; nothing here is read from a clock.
import type { CheckInRecord } from '@glutewake/core';
import type { Account, Clinic, ProgramVersion, StoredSessionSummary } from '../storage/types.js';

export interface ExportedSessionRecord {
  /** The session's summary as storage keeps it, after the sharing filter. */
  summary: StoredSessionSummary;
  /** The coach's check-ins, in the order they were asked, with their times. */
  checkIns: readonly CheckInRecord[];
  /** When the symptom scores were last saved; null when none were (or none are shared). */
  symptomsLoggedAt: number | null;
}

export interface ClientExportInput {
  clinic: Clinic;
  client: Account;
  /** The client's therapist; null when the client has none. */
  therapist: Account | null;
  /** Oldest first, as storage returns them. */
  programVersions: readonly ProgramVersion[];
  sessions: readonly ExportedSessionRecord[];
}

/** FHIR dateTime/instant of an epoch-millisecond time, in UTC. */
export function fhirInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
