// The response shapes of the caseload: a client with their figures at a
// glance (the client list), and a session as the client's timeline shows it,
// with its check-ins as they happened (what was felt at which rep, which
// cues followed), from the summary sync keeps.
// Both carry only what the client shares (symptoms and notes are null when
// withheld), and both are strict schemas like every other response.
import type { SessionSummary } from '@glutewake/core';
import { z } from 'zod';
import { CASELOAD_FLAGS } from '../sync/caseload.js';
import type { StoredSessionSummary } from '../storage/types.js';
import { accountView } from './views.js';

const nullableRep = z.number().int().nullable();
const symptoms = z.record(z.string(), z.number()).nullable();
const reference = z.object({ id: z.string(), version: z.number().int() }).nullable();
const exercise = z.object({ id: z.string(), name: z.string() });
const haveNeed = z.object({ have: z.number().int(), need: z.number().int() });

/** Readiness for the next exercise on the ladder, judged by core's rule. */
const readinessView = z.object({
  practising: exercise,
  next: exercise.nullable(),
  ready: z.boolean(),
  practiceDays: haveNeed.extend({ withinDays: z.number().int() }).nullable(),
  sessionsInARow: haveNeed.nullable(),
  missing: z.array(z.string()),
});

export const caseloadFiguresView = z.object({
  lastSessionAt: z.number().int().nullable(),
  sessionsLast14Days: z.number().int(),
  practiceDaysLast14: z.number().int(),
  recentFiring: z.array(
    z.object({ startedAt: z.number().int(), left: nullableRep, right: nullableRep }),
  ),
  firingChange: z.object({ left: z.number().nullable(), right: z.number().nullable() }),
  latestBalance: z.string().nullable(),
  readiness: readinessView.nullable(),
  flags: z.array(z.enum(CASELOAD_FLAGS)),
});

export const clientWithFiguresView = accountView.extend({ figures: caseloadFiguresView });

const checkInView = z.object({
  phase: z.string(),
  set: z.number().int().nullable(),
  rep: z.number().int(),
  /** 'check-in' when the coach asked; 'spontaneous' when the client said so mid-set. */
  source: z.enum(['check-in', 'spontaneous']),
  /** Null when nobody answered. */
  felt: z.array(z.string()).nullable(),
  balance: z.string().nullable(),
  /** Cue ids of the protocol, in the order they were given. */
  cues: z.array(z.string()),
});

export const timelineSessionView = z.object({
  sessionId: z.string(),
  protocol: reference,
  program: reference,
  startedAt: z.number().int().nullable(),
  endedAt: z.number().int().nullable(),
  outcome: z.string(),
  leftFiredAtRep: nullableRep,
  rightFiredAtRep: nullableRep,
  lastBalance: z.string().nullable(),
  workReps: z.number().int(),
  symptoms,
  note: z.string().nullable(),
  eventCount: z.number().int(),
  /** Check-ins and spontaneous reports in the order they happened. */
  checkIns: z.array(checkInView),
});

export function timelineSessionViewOf(
  session: StoredSessionSummary,
): z.input<typeof timelineSessionView> {
  return {
    sessionId: session.sessionId,
    protocol: session.protocol,
    program: session.program,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    outcome: session.outcome,
    leftFiredAtRep: session.leftFiredAtRep,
    rightFiredAtRep: session.rightFiredAtRep,
    lastBalance: session.lastBalance,
    workReps: session.workReps,
    symptoms: session.symptoms,
    note: session.note,
    eventCount: session.eventCount,
    checkIns: checkInsOf(session.summary),
  };
}

const PHASE_ORDER: Record<string, number> = { 'wake-up': 0, work: 1 };

function checkInsOf(summary: SessionSummary): z.input<typeof checkInView>[] {
  // Older summaries may lack the lists; an answered check-in is also a report, so
  // only the spontaneous reports are added to the check-ins.
  const asked = (summary.checkIns ?? []).map((c) => ({
    phase: c.phase,
    set: c.set,
    rep: c.rep,
    source: 'check-in' as const,
    felt: c.felt,
    balance: c.balance,
    cues: c.cues,
  }));
  const told = (summary.reports ?? [])
    .filter((r) => r.source === 'spontaneous')
    .map((r) => ({
      phase: r.phase,
      set: r.set,
      rep: r.rep,
      source: 'spontaneous' as const,
      felt: r.felt,
      balance: null,
      cues: r.cues,
    }));
  return [...asked, ...told].sort(
    (a, b) =>
      (PHASE_ORDER[a.phase] ?? 2) - (PHASE_ORDER[b.phase] ?? 2) ||
      (a.set ?? 0) - (b.set ?? 0) ||
      a.rep - b.rep,
  );
}
