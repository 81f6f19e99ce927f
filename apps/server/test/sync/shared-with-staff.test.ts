// A client's sharing choices decide what staff see of their sessions: the
// history since joining or all of it, symptoms, notes.
import { describe, expect, it } from 'vitest';
import type { StoredSessionSummary } from '../../src/storage/types.js';
import { figuresOf, summaryOfSession } from '../../src/sync/session-statistics.js';
import { sessionsSharedWithStaff } from '../../src/sync/shared-with-staff.js';
import { TEST_START } from '../support/clock.js';
import { sessionLog } from '../support/sync.js';

const DAY_MS = 86_400_000;

function storedSession(startAt: number): StoredSessionSummary {
  const { sessionId, events } = sessionLog({ startAt, symptoms: { knee: 4 }, note: 'sore knee' });
  const summary = summaryOfSession(events);
  const figures = figuresOf(summary);
  return {
    sessionId,
    clientId: 'client',
    protocol: summary.protocol,
    program: summary.program,
    startedAt: figures.startedAt,
    endedAt: figures.endedAt,
    outcome: figures.outcome,
    leftFiredAtRep: figures.leftFiredAtRep,
    rightFiredAtRep: figures.rightFiredAtRep,
    lastBalance: figures.lastBalance,
    workReps: figures.workReps,
    symptoms: summary.symptoms ?? null,
    note: summary.note,
    eventCount: events.length,
    summary,
  };
}

describe('sessionsSharedWithStaff', () => {
  const before = storedSession(TEST_START - 3 * DAY_MS);
  const after = storedSession(TEST_START + DAY_MS);

  it('shows everything when the client shares everything', () => {
    const shared = sessionsSharedWithStaff(
      [after, before],
      { history: 'all', symptoms: true, notes: true },
      TEST_START,
    );
    expect(shared).toEqual([after, before]);
  });

  it('hides sessions from before joining, symptoms and notes when the client says so', () => {
    const shared = sessionsSharedWithStaff(
      [after, before],
      { history: 'from-joining', symptoms: false, notes: false },
      TEST_START,
    );
    expect(shared.map((session) => session.sessionId)).toEqual([after.sessionId]);
    expect(shared[0]).toMatchObject({
      symptoms: null,
      note: null,
      summary: { symptoms: null, note: null },
      workReps: after.workReps,
    });
    expect(after.note).toBe('sore knee');
  });
});
