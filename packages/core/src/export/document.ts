// The export file: everything a device knows about a person's practice, as
// one versioned, lossless JSON document (docs/data-export.md describes it).
// Invariants: the text depends on the data alone (no export time inside);
// sessions are sorted by their session.started time, then id; each session's
// events keep their log order; keys follow EXPORT_KEY_ORDER; the
// text ends with a newline. So export -> wipe -> import -> export gives the
// same bytes. Reading a file back (with zod) lives in parse.ts, behind the
// validation entry point, so apps can write exports without the schema library.
import type { SessionEvent } from '../engine/events.js';
import { canonicalJson, toJsonValue, type JsonValue, type KeyOrder } from './canonical-json.js';

import { EXPORT_FORMAT, EXPORT_VERSION } from './version.js';

export { EXPORT_FORMAT, EXPORT_VERSION } from './version.js';

/**
 * Key order in the file: the document's four parts, then `sessionId` and
 * `events` in a session, `type` and `at` first in an event; everything
 * else (inside events, and all preferences) in code-unit order.
 */
export const EXPORT_KEY_ORDER: KeyOrder = {
  first: ['format', 'version', 'sessions', 'preferences'],
  members: {
    sessions: {
      items: {
        first: ['sessionId', 'events'],
        members: { events: { items: { first: ['type', 'at'] } } },
      },
    },
  },
};

/** One session's log, exactly as the device stored it. */
export interface ExportedSession {
  sessionId: string;
  /** In log order; the first is the session's `session.started`. */
  events: SessionEvent[];
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  sessions: ExportedSession[];
  /** The device's settings and flags, by key, as plain JSON. */
  preferences: Record<string, JsonValue>;
}

/** When a session started: its `session.started` time, or its first event's. */
export function sessionStartedAt(session: { events: readonly SessionEvent[] }): number {
  const started = session.events.find((event) => event.type === 'session.started');
  return started?.at ?? session.events[0]?.at ?? Number.POSITIVE_INFINITY;
}

/** Oldest first; sessions that started at the same instant go by id. */
export function compareSessions(
  a: { sessionId: string; events: readonly SessionEvent[] },
  b: { sessionId: string; events: readonly SessionEvent[] },
): number {
  const byStart = sessionStartedAt(a) - sessionStartedAt(b);
  if (byStart !== 0 && !Number.isNaN(byStart)) return byStart;
  return a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0;
}

/**
 * The export document for a device's sessions and preferences. Sessions
 * without events are left out (there is nothing to keep); preference values
 * are kept as JSON would keep them, and those JSON cannot hold are left out.
 */
export function buildExport(
  sessions: readonly { sessionId: string; events: readonly SessionEvent[] }[],
  preferences: Readonly<Record<string, unknown>>,
): ExportDocument {
  const kept: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(preferences)) {
    const json = toJsonValue(value);
    if (json !== undefined) kept[key] = json;
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    sessions: sessions
      .filter((session) => session.events.length > 0)
      .map((session) => ({ sessionId: session.sessionId, events: [...session.events] }))
      .sort(compareSessions),
    preferences: kept,
  };
}

/** The file's text: canonical JSON, two-space indentation, a final newline. */
export function serializeExport(document: ExportDocument): string {
  const sorted = { ...document, sessions: [...document.sessions].sort(compareSessions) };
  return `${canonicalJson(sorted, 2, EXPORT_KEY_ORDER)}\n`;
}

/** The same event, whatever the order of its keys or any `undefined` member. */
export function sameEvent(a: SessionEvent, b: SessionEvent): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}
