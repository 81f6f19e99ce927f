// Session logs and devices for sync tests. A session is written as the
// domain describes it, a script such as "3:thighs 6:left 9:both" played by
// core's simulator on a fast clock; a device numbers the events it records
// 1, 2, 3, ... (as the web app's IndexedDB log does) and cuts them into
// batches. Summaries "from scratch" fold a client's stored events again (and
// date each session no later than its first event reached the server), to
// compare with what the server kept as they arrived.
import { randomUUID } from 'node:crypto';
import {
  findBuiltinProtocol,
  parseScript,
  simulateSession,
  type SessionEvent,
} from '@glutewake/core';
import {
  aggregatesOf,
  figuresOf,
  placedInServerTime,
  summaryOfSession,
} from '../../src/sync/session-statistics.js';
import type { IncomingEvent, StoredSyncEvent, SyncBatch } from '../../src/storage/types.js';
import { TEST_START } from './clock.js';

let sessionCounter = 0;

export function newSessionId(): string {
  sessionCounter += 1;
  return `s${sessionCounter}-${randomUUID().slice(0, 8)}`;
}

export interface SessionLogOptions {
  sessionId?: string;
  script?: string;
  startAt?: number;
  /** Symptoms logged after the session ends. */
  symptoms?: Partial<Record<'knee' | 'foot' | 'hamstringCramping' | 'backStiffness', number>>;
  note?: string;
}

/** A whole session's events, as the web app would log them. */
export function sessionLog(options: SessionLogOptions = {}): {
  sessionId: string;
  events: SessionEvent[];
} {
  const sessionId = options.sessionId ?? newSessionId();
  const protocol = findBuiltinProtocol('glute-bridge');
  const script = parseScript(options.script ?? '3:thighs 6:left 9:both');
  if (protocol === null || !script.ok) throw new Error('fixture protocol or script is broken');
  const simulation = simulateSession({
    protocol,
    script: script.actions,
    sessionId,
    startAt: options.startAt ?? TEST_START,
    settings: { timescale: 0.01 },
  });
  const events: SessionEvent[] = [...simulation.events];
  if (options.symptoms !== undefined || options.note !== undefined) {
    events.push({
      type: 'symptoms.logged',
      at: (events.at(-1)?.at ?? TEST_START) + 1000,
      symptoms: options.symptoms ?? {},
      ...(options.note === undefined ? {} : { note: options.note }),
    });
  }
  return { sessionId, events };
}

/** A device's append-only log: every event gets the next sequence number. */
export class FakeDevice {
  readonly id = randomUUID();
  readonly log: IncomingEvent[] = [];

  /** Appends events of a session (continuing its positions from `fromIndex`). */
  record(sessionId: string, events: readonly unknown[], fromIndex = 0): IncomingEvent[] {
    const firstSeq = this.log.length + 1;
    const added = events.map((event, offset) => ({
      seq: firstSeq + offset,
      sessionId,
      index: fromIndex + offset,
      event,
    }));
    this.log.push(...added);
    return added;
  }

  /** The events with sequence numbers from..from+count-1. */
  slice(from: number, count = this.log.length): IncomingEvent[] {
    return this.log.slice(from - 1, from - 1 + count);
  }

  batchFor(owner: { clinicId: string; id: string }, events: readonly IncomingEvent[]): SyncBatch {
    return { clinicId: owner.clinicId, clientId: owner.id, deviceId: this.id, events };
  }
}

/** What a client's session summaries and aggregates are when computed again from all events. */
export function statisticsFromScratch(events: readonly StoredSyncEvent[]) {
  const bySession = new Map<string, StoredSyncEvent[]>();
  for (const stored of events) {
    bySession.set(stored.sessionId, [...(bySession.get(stored.sessionId) ?? []), stored]);
  }
  const summaries = new Map(
    [...bySession].map(([sessionId, stored]) => {
      const inOrder = [...stored].sort((a, b) => a.index - b.index);
      const start = inOrder[0]?.index === 0 ? inOrder[0].receivedAt : Number.POSITIVE_INFINITY;
      const summary = placedInServerTime(
        summaryOfSession(inOrder.map((each) => each.event as SessionEvent)),
        start,
      );
      return [sessionId, { summary, figures: figuresOf(summary), eventCount: inOrder.length }];
    }),
  );
  return {
    summaries,
    aggregates: aggregatesOf([...summaries.values()].map((each) => each.summary)),
  };
}

/** The body of POST /api/sync/push for these events of a device. */
export function pushBody(
  device: FakeDevice,
  client: { id: string },
  /** Usually IncomingEvents; anything, to test what the server refuses. */
  events: readonly object[],
  overrides: Record<string, unknown> = {},
) {
  return { syncVersion: 1, deviceId: device.id, clientId: client.id, events, ...overrides };
}
