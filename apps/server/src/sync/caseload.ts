// A client at a glance, for the therapist's client list: when they last
// practised, how often in the last two weeks, the rep at which each glute
// fired in recent sessions (the sparklines) and how that moved this week
// against last, the latest balance, readiness for the next exercise
// (caseload-readiness.ts), and the flags that need attention.
// Invariants: pure; time is passed in; it reads only what the client shares
// (the caller filters the sessions first); days are UTC days, since the
// server does not know the client's time zone; a figure with nothing to
// stand on is null, never 0.
import type { ClientStatistics, RecentSession } from '../storage/types.js';
import { caseloadReadiness, type CaseloadReadiness } from './caseload-readiness.js';

const DAY_MS = 86_400_000;
/** Sessions of this window feed the list: two weeks to count, four to compare weeks. */
export const CASELOAD_WINDOW_MS = 28 * DAY_MS;
const SPARKLINE_SESSIONS = 14;
const QUIET_DAYS = 4;
const SYMPTOM_RISE = 1;

export const CASELOAD_FLAGS = [
  'no-session-in-4-days',
  'one-side-not-firing',
  'symptom-rising',
  'quarantined-events',
] as const;
export type CaseloadFlag = (typeof CASELOAD_FLAGS)[number];

export interface FiredPoint {
  startedAt: number;
  left: number | null;
  right: number | null;
}

export interface CaseloadFigures {
  lastSessionAt: number | null;
  sessionsLast14Days: number;
  practiceDaysLast14: number;
  /** The wake-up of the last sessions (up to 14), oldest first. */
  recentFiring: FiredPoint[];
  /** This week's average rep minus last week's, per glute; negative is sooner. */
  firingChange: { left: number | null; right: number | null };
  latestBalance: string | null;
  /** Readiness for the next exercise on the ladder; null without a ladder. */
  readiness: CaseloadReadiness | null;
  flags: CaseloadFlag[];
}

export function caseloadFigures(
  sessions: readonly RecentSession[],
  statistics: ClientStatistics,
  joinedAt: number,
  now: number,
): CaseloadFigures {
  const started = sessions
    .filter((s): s is RecentSession & { startedAt: number } => s.startedAt !== null)
    .sort((a, b) => a.startedAt - b.startedAt);
  const within = (days: number, fromDaysAgo = 0) =>
    started.filter(
      (s) =>
        s.startedAt > now - (fromDaysAgo + days) * DAY_MS &&
        s.startedAt <= now - fromDaysAgo * DAY_MS,
    );
  const lastTwoWeeks = within(14);
  const thisWeek = within(7);
  const lastWeek = within(7, 7);
  const measured = started.filter((s) => s.outcome !== 'completed' && s.outcome !== 'in-progress');
  const lastSessionAt = started.at(-1)?.startedAt ?? null;
  const flags: CaseloadFlag[] = [];
  const quietSince = lastSessionAt ?? joinedAt;
  if (now - quietSince > QUIET_DAYS * DAY_MS) flags.push('no-session-in-4-days');
  if (oneSideStillQuiet(started, thisWeek, now)) flags.push('one-side-not-firing');
  if (symptomRising(thisWeek, lastWeek)) flags.push('symptom-rising');
  if (statistics.quarantinedCount > 0) flags.push('quarantined-events');
  return {
    lastSessionAt,
    sessionsLast14Days: lastTwoWeeks.length,
    practiceDaysLast14: new Set(lastTwoWeeks.map((s) => Math.floor(s.startedAt / DAY_MS))).size,
    recentFiring: measured.slice(-SPARKLINE_SESSIONS).map((s) => ({
      startedAt: s.startedAt,
      left: s.leftFiredAtRep,
      right: s.rightFiredAtRep,
    })),
    firingChange: {
      left: change(thisWeek, lastWeek, (s) => s.leftFiredAtRep),
      right: change(thisWeek, lastWeek, (s) => s.rightFiredAtRep),
    },
    latestBalance: [...started].reverse().find((s) => s.lastBalance !== null)?.lastBalance ?? null,
    readiness: caseloadReadiness(started, now),
    flags,
  };
}

function average(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((sum, v) => sum + v, 0) / known.length;
}

function change(
  thisWeek: readonly RecentSession[],
  lastWeek: readonly RecentSession[],
  rep: (s: RecentSession) => number | null,
): number | null {
  const now = average(thisWeek.map(rep));
  const before = average(lastWeek.map(rep));
  return now === null || before === null ? null : Math.round((now - before) * 10) / 10;
}

/** Practising for over a week, and in every session this week a glute never fired. */
function oneSideStillQuiet(
  started: readonly (RecentSession & { startedAt: number })[],
  thisWeek: readonly RecentSession[],
  now: number,
): boolean {
  const first = started[0];
  if (first === undefined || now - first.startedAt < 7 * DAY_MS) return false;
  const wakeUps = thisWeek.filter((s) => s.outcome !== 'completed' && s.outcome !== 'in-progress');
  return (
    wakeUps.length > 0 &&
    wakeUps.every((s) => s.leftFiredAtRep === null || s.rightFiredAtRep === null)
  );
}

/** Some symptom's average this week is at least a point above last week's. */
function symptomRising(
  thisWeek: readonly RecentSession[],
  lastWeek: readonly RecentSession[],
): boolean {
  const names = new Set([...thisWeek, ...lastWeek].flatMap((s) => Object.keys(s.symptoms ?? {})));
  return [...names].some((name) => {
    const now = average(thisWeek.map((s) => s.symptoms?.[name] ?? null));
    const before = average(lastWeek.map((s) => s.symptoms?.[name] ?? null));
    return now !== null && before !== null && now - before >= SYMPTOM_RISE;
  });
}
