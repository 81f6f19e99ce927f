// Checking one incoming session event before it is stored: core's event
// schema decides what is valid, so the server and the device never disagree.
// Invariants: pure and total (any JSON in, an answer out, never a throw); an
// unknown type or format version is told apart from a broken event, so a
// newer app's events are parked as "unknown", not as "invalid"; problems are
// plain sentences that never echo the event's text back.
import { EVENT_SCHEMA_VERSION, SESSION_EVENT_TYPES, type SessionEvent } from '@glutewake/core';
import { validateSessionEvent } from '@glutewake/core/validation';
import type { IncomingEvent, QuarantineReason } from '../storage/sync-types.js';

export type CheckedEvent =
  | { kind: 'accepted'; event: SessionEvent }
  | { kind: 'quarantined'; reason: QuarantineReason; problems: string[] };

const knownTypes: ReadonlySet<string> = new Set(SESSION_EVENT_TYPES);

function quarantined(reason: QuarantineReason, problems: string[]): CheckedEvent {
  return { kind: 'quarantined', reason, problems };
}

function fieldOf(value: unknown, field: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
}

export function checkIncomingEvent(incoming: IncomingEvent): CheckedEvent {
  const { event } = incoming;
  const type = fieldOf(event, 'type');
  if (typeof type === 'string' && !knownTypes.has(type)) {
    return quarantined('unknown-type', [
      `type is not one this server knows (it knows ${SESSION_EVENT_TYPES.join(', ')})`,
    ]);
  }
  const version = fieldOf(event, 'v');
  if (
    type === 'session.started' &&
    typeof version === 'number' &&
    version !== EVENT_SCHEMA_VERSION
  ) {
    return quarantined('unknown-version', [
      `v is a format version this server does not know (it knows ${EVENT_SCHEMA_VERSION})`,
    ]);
  }
  const checked = validateSessionEvent(event);
  if (!checked.ok) return quarantined('invalid-event', checked.problems);
  const valid = checked.value;
  if (valid.type === 'session.started' && valid.sessionId !== incoming.sessionId) {
    return quarantined('wrong-session', ['sessionId is not the session this event was sent under']);
  }
  return { kind: 'accepted', event: valid };
}

/** The device's clock reading of an event, when it has a usable one. */
export function clientTimeOf(event: unknown): number | null {
  const at = fieldOf(event, 'at');
  return typeof at === 'number' && Number.isSafeInteger(at) ? at : null;
}
