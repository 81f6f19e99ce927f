// The response shapes of the caseload: a client with their figures at a
// glance (the client list), and a session as the client's timeline shows it.
// Both carry only what the client shares (symptoms and notes are null when
// withheld), and both are strict schemas like every other response.
import { z } from 'zod';
import { CASELOAD_FLAGS } from '../sync/caseload.js';
import type { SessionFigures } from '../storage/types.js';
import { accountView } from './views.js';

const nullableRep = z.number().int().nullable();
const symptoms = z.record(z.string(), z.number()).nullable();
const reference = z.object({ id: z.string(), version: z.number().int() }).nullable();

export const caseloadFiguresView = z.object({
  lastSessionAt: z.number().int().nullable(),
  sessionsLast14Days: z.number().int(),
  practiceDaysLast14: z.number().int(),
  recentFiring: z.array(
    z.object({ startedAt: z.number().int(), left: nullableRep, right: nullableRep }),
  ),
  firingChange: z.object({ left: z.number().nullable(), right: z.number().nullable() }),
  latestBalance: z.string().nullable(),
  flags: z.array(z.enum(CASELOAD_FLAGS)),
});

export const clientWithFiguresView = accountView.extend({ figures: caseloadFiguresView });

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
});

export function timelineSessionViewOf(
  session: SessionFigures,
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
  };
}
