// Reading what a client's exports are made of, through the storage
// interface: the session summaries and events the client shares with their
// therapist (their sharing choices applied exactly as the caseload reads
// apply them, via sync/shared-with-staff.ts), each session's check-ins
// folded from its log, the client's therapist and program versions.
// Invariants: reads only; a session the sharing filter withholds is absent
// from the summaries and the logs alike; events are in log position order;
// sessions are folded with the same lookup a push folds with (the
// built-ins and the client's program versions, sync/program-lookup.ts);
// the callers audit the read (this module does not know who asks).
import { foldSession, type ProtocolLookup, type SessionEvent } from '@glutewake/core';
import type { Account, Clinic, ProgramVersion, Storage } from '../storage/types.js';
import { programAwareLookup } from '../sync/program-lookup.js';
import { sessionsSharedWithStaff } from '../sync/shared-with-staff.js';
import type { ClientExportInput, ExportedSessionRecord } from './export-input.js';
import { eventsSharedWithStaff } from './shared-events.js';

const PROGRAM_PAGE = 500;

export interface SessionLog {
  sessionId: string;
  events: SessionEvent[];
}

export interface SharedSessions {
  records: ExportedSessionRecord[];
  /** The shared sessions' logs, content withheld by the sharing choices emptied. */
  logs: SessionLog[];
  /** The client's program versions, oldest first. */
  programVersions: ProgramVersion[];
  /** Finds the protocols the logs ran (the built-ins and the client's programs). */
  lookup: ProtocolLookup;
}

/** The sessions of a client their therapist may see, as summaries and as logs. */
export async function sharedSessionsOf(storage: Storage, client: Account): Promise<SharedSessions> {
  const [summaries, stored, programVersions] = await Promise.all([
    storage.sync.sessionSummaries(client.clinicId, client.id),
    storage.sync.events(client.clinicId, client.id),
    programVersionsOf(storage, client),
  ]);
  const lookup = programAwareLookup(
    client.id,
    programVersions.map((each) => ({ version: each.version, program: each.protocol })),
  );
  const shared = sessionsSharedWithStaff(summaries, client.sharing, client.createdAt);
  const bySession = new Map<string, { index: number; event: SessionEvent }[]>(
    shared.map((summary) => [summary.sessionId, []]),
  );
  for (const each of stored) {
    // Stored events were accepted by core's event schema on the way in (storage/sync-types.ts).
    bySession.get(each.sessionId)?.push({ index: each.index, event: each.event as SessionEvent });
  }
  const records: ExportedSessionRecord[] = [];
  const logs: SessionLog[] = [];
  for (const summary of shared) {
    const positioned = bySession.get(summary.sessionId) ?? [];
    positioned.sort((a, b) => a.index - b.index);
    const events = eventsSharedWithStaff(
      positioned.map((each) => each.event),
      client.sharing,
    );
    const state = foldSession(lookup, events);
    const lastScores = [...events]
      .reverse()
      .find((event) => event.type === 'symptoms.logged' && Object.keys(event.symptoms).length > 0);
    records.push({
      summary,
      checkIns: state.checkIns,
      symptomsLoggedAt: summary.symptoms === null ? null : (lastScores?.at ?? null),
    });
    logs.push({ sessionId: summary.sessionId, events });
  }
  return { records, logs, programVersions, lookup };
}

async function programVersionsOf(storage: Storage, client: Account): Promise<ProgramVersion[]> {
  const versions: ProgramVersion[] = [];
  for (;;) {
    const page = await storage.sync.programVersionsAfter(
      client.clinicId,
      client.id,
      versions.at(-1)?.version ?? 0,
      PROGRAM_PAGE,
    );
    versions.push(...page);
    if (page.length < PROGRAM_PAGE) return versions;
  }
}

/** Everything the FHIR bundle of one client is built from. */
export async function clientExportInput(
  storage: Storage,
  clinic: Clinic,
  client: Account,
): Promise<ClientExportInput> {
  const [therapist, shared] = await Promise.all([
    client.therapistId === null
      ? Promise.resolve(null)
      : storage.accounts.get(client.clinicId, client.therapistId),
    sharedSessionsOf(storage, client),
  ]);
  const { programVersions, records } = shared;
  return { clinic, client, therapist, programVersions, sessions: records };
}
