// Merging an export into a device's own logs, planned purely. Each session in
// the file meets the device's copy (if any) and gets one step:
//   new            the device lacks it: add the whole log;
//   same           identical logs: nothing to do;
//   extends        the device's log is a prefix of the file's: append the rest;
//   already-longer the file's log is a prefix of the device's: nothing to do;
//   conflict       different events at the same index: keep the device's, report it.
// Invariants: at most one step per session id (a file naming a session twice
// is merged with itself first, the first copy winning where they differ); a
// device log is never shortened or rewritten, only appended to; planning the
// same file again after applying a plan yields nothing to write.
import type { SessionEvent } from '../engine/events.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import type { ExportDocument } from './document.js';

/** A session as the device holds it; `eventCount` is the length of its stored log. */
export interface ExistingSession {
  sessionId: string;
  eventCount: number;
  /** The stored log in order; only its first `eventCount` events are read. */
  events: readonly SessionEvent[];
}

export type SessionImportStep =
  | { kind: 'new'; sessionId: string; events: readonly SessionEvent[] }
  | { kind: 'same'; sessionId: string }
  | {
      kind: 'extends';
      sessionId: string;
      /** The index of the first appended event: the device's log length. */
      fromIndex: number;
      events: readonly SessionEvent[];
    }
  | { kind: 'already-longer'; sessionId: string }
  | {
      kind: 'conflict';
      sessionId: string;
      /** The first index where the device's and the file's events differ. */
      index: number;
    };

export type SessionImportKind = SessionImportStep['kind'];

export interface ImportPlan {
  /** In the file's order, one per session id. */
  steps: SessionImportStep[];
  counts: Record<SessionImportKind, number>;
}

/** How two logs of one session relate. */
export type LogComparison =
  | { kind: 'same' }
  | { kind: 'extends' }
  | { kind: 'already-longer' }
  | { kind: 'conflict'; index: number };

/** Compares the device's log with the file's, event by event. */
export function compareLogs(
  device: readonly SessionEvent[],
  file: readonly SessionEvent[],
): LogComparison {
  const shared = Math.min(device.length, file.length);
  for (let index = 0; index < shared; index++) {
    if (canonicalJson(device[index]) !== canonicalJson(file[index])) {
      return { kind: 'conflict', index };
    }
  }
  if (device.length === file.length) return { kind: 'same' };
  return device.length < file.length ? { kind: 'extends' } : { kind: 'already-longer' };
}

export function planImport(
  existing: readonly ExistingSession[],
  incoming: Pick<ExportDocument, 'sessions'>,
): ImportPlan {
  const device = new Map<string, readonly SessionEvent[]>(
    existing.map((session) => [session.sessionId, session.events.slice(0, session.eventCount)]),
  );
  // The file merged with itself: a later copy only ever extends an earlier one.
  const fileLogs = new Map<string, readonly SessionEvent[]>();
  for (const { sessionId, events } of incoming.sessions) {
    const earlier = fileLogs.get(sessionId);
    if (earlier === undefined || compareLogs(earlier, events).kind === 'extends') {
      fileLogs.set(sessionId, events);
    }
  }
  const counts: Record<SessionImportKind, number> = {
    new: 0,
    same: 0,
    extends: 0,
    'already-longer': 0,
    conflict: 0,
  };
  const steps: SessionImportStep[] = [];
  for (const [sessionId, events] of fileLogs) {
    const step = stepFor(sessionId, device.get(sessionId), events);
    if (step === null) continue;
    counts[step.kind]++;
    steps.push(step);
  }
  return { steps, counts };
}

function stepFor(
  sessionId: string,
  device: readonly SessionEvent[] | undefined,
  file: readonly SessionEvent[],
): SessionImportStep | null {
  if (device === undefined || device.length === 0) {
    return file.length === 0 ? null : { kind: 'new', sessionId, events: file };
  }
  const comparison = compareLogs(device, file);
  switch (comparison.kind) {
    case 'same':
    case 'already-longer':
      return { kind: comparison.kind, sessionId };
    case 'extends':
      return {
        kind: 'extends',
        sessionId,
        fromIndex: device.length,
        events: file.slice(device.length),
      };
    case 'conflict':
      return { kind: 'conflict', sessionId, index: comparison.index };
  }
}

/** The device's logs after a plan is applied: what a store must end up holding. */
export function applyImportPlan(
  existing: readonly ExistingSession[],
  plan: ImportPlan,
): { sessionId: string; events: SessionEvent[] }[] {
  const logs = new Map<string, SessionEvent[]>(
    existing.map((session) => [session.sessionId, session.events.slice(0, session.eventCount)]),
  );
  for (const step of plan.steps) {
    if (step.kind === 'new') logs.set(step.sessionId, [...step.events]);
    if (step.kind === 'extends') {
      const log = logs.get(step.sessionId) ?? [];
      if (log.length !== step.fromIndex) {
        throw new Error(`the plan for ${step.sessionId} does not continue the device's log`);
      }
      logs.set(step.sessionId, [...log, ...step.events]);
    }
  }
  return [...logs].map(([sessionId, events]) => ({ sessionId, events }));
}

/** How the file's preferences meet the device's: added where missing, the device's kept otherwise. */
export interface PreferencesPlan {
  /** Keys the device lacks, with the file's values: write them. */
  add: Record<string, JsonValue>;
  /** Keys with the same value on both sides. */
  same: string[];
  /** Keys whose values differ: the device keeps its own unless the person chooses the file's. */
  differ: string[];
}

export function planPreferences(
  device: Readonly<Record<string, JsonValue>>,
  file: Readonly<Record<string, JsonValue>>,
): PreferencesPlan {
  const plan: PreferencesPlan = { add: {}, same: [], differ: [] };
  for (const key of Object.keys(file).sort()) {
    const value = file[key] as JsonValue;
    if (!Object.hasOwn(device, key)) plan.add[key] = value;
    else if (canonicalJson(device[key]) === canonicalJson(value)) plan.same.push(key);
    else plan.differ.push(key);
  }
  return plan;
}
