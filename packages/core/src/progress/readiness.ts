// Whether a person is ready for the next exercise, judged by the protocol's
// readiness rule (data) over their practice history. Invariants: `ready` is
// true exactly when every requirement holds; when it is false, `missing`
// names, in plain words, each thing still to do; adding a qualifying session
// never takes readiness away (tested as properties).
import type { ReadinessRule } from '../protocol/readiness.js';
import type { Glute } from '../vocabulary.js';
import { addDays, type LocalDay } from './days.js';
import { inOrderUntil, isFinished, type PracticeRecord } from './history.js';

export interface RecentSessionCheck {
  sessionId: string;
  day: LocalDay;
  leftFiredAtRep: number | null;
  rightFiredAtRep: number | null;
  /** The glutes that did not fire within the rule's reps. */
  lateGlutes: Glute[];
  balanceMissed: boolean;
  meets: boolean;
}

/** `held`: the therapist holds the exercise back (set by the ladder, never by a rule). */
export type MissingKind = 'practice-days' | 'sessions' | 'glute' | 'balance' | 'held';

export interface Missing {
  kind: MissingKind;
  text: string;
}

export interface ReadinessReport {
  rule: ReadinessRule;
  ready: boolean;
  practiceDays: { have: number; need: number; withinDays: number };
  /** The latest measured, finished sessions of `rule.after`, newest last. */
  recent: RecentSessionCheck[];
  /** How many of the latest sessions in a row meet the bar (at most `rule.recentSessions`). */
  recentMeeting: { have: number; need: number };
  missing: Missing[];
}

export function evaluateReadiness(
  rule: ReadinessRule,
  history: readonly PracticeRecord[],
  today: LocalDay,
): ReadinessReport {
  const sessions = inOrderUntil(history, today).filter(
    (record) => record.protocolId === rule.after && isFinished(record),
  );
  const windowStart = addDays(today, 1 - rule.withinDays);
  const practiceDays = new Set(
    sessions.filter((record) => record.day >= windowStart).map((record) => record.day),
  ).size;
  const recent = sessions
    .filter((record) => record.measured)
    .slice(-rule.recentSessions)
    .map((record) => checkSession(rule, record));
  let meeting = 0;
  while (meeting < recent.length && recent[recent.length - 1 - meeting]?.meets) meeting++;

  const missing = [
    ...missingPracticeDays(rule, practiceDays),
    ...missingRecent(rule, recent, meeting),
  ];
  return {
    rule,
    ready: missing.length === 0,
    practiceDays: { have: practiceDays, need: rule.minPracticeDays, withinDays: rule.withinDays },
    recent,
    recentMeeting: { have: meeting, need: rule.recentSessions },
    missing,
  };
}

function checkSession(rule: ReadinessRule, record: PracticeRecord): RecentSessionCheck {
  const fired = { left: record.leftFiredAtRep, right: record.rightFiredAtRep };
  const lateGlutes = (['left', 'right'] as const).filter((glute) => {
    const rep = fired[glute];
    return rep === null || rep > rule.bothFiredWithinReps;
  });
  const balanceMissed = rule.evenBalance && record.lastBalance !== 'even';
  return {
    sessionId: record.sessionId,
    day: record.day,
    leftFiredAtRep: record.leftFiredAtRep,
    rightFiredAtRep: record.rightFiredAtRep,
    lateGlutes,
    balanceMissed,
    meets: lateGlutes.length === 0 && !balanceMissed,
  };
}

function missingPracticeDays(rule: ReadinessRule, have: number): Missing[] {
  const short = rule.minPracticeDays - have;
  if (short <= 0) return [];
  return [
    {
      kind: 'practice-days',
      text: `${count(short, 'more practice day')} (${have} of ${rule.minPracticeDays} in the last ${rule.withinDays} days)`,
    },
  ];
}

function missingRecent(
  rule: ReadinessRule,
  recent: readonly RecentSessionCheck[],
  meeting: number,
): Missing[] {
  if (meeting >= rule.recentSessions) return [];
  const bar = `both glutes firing within ${count(rule.bothFiredWithinReps, 'rep')}${
    rule.evenBalance ? ' and an even balance' : ''
  }`;
  const needed = rule.recentSessions - meeting;
  const missing: Missing[] = [
    {
      kind: 'sessions',
      text:
        needed === rule.recentSessions
          ? `${count(needed, 'session')} in a row with ${bar}`
          : `${count(needed, 'more session')} in a row with ${bar} (${meeting} so far)`,
    },
  ];
  const latest = recent.at(-1);
  if (latest === undefined) return missing;
  for (const glute of latest.lateGlutes) {
    const rep = glute === 'left' ? latest.leftFiredAtRep : latest.rightFiredAtRep;
    const lastTime = rep === null ? 'it did not fire last time' : `last time it took ${rep}`;
    missing.push({
      kind: 'glute',
      text: `Your ${glute} glute needs to fire within ${count(rule.bothFiredWithinReps, 'rep')} (${lastTime})`,
    });
  }
  if (latest.balanceMissed) {
    missing.push({
      kind: 'balance',
      text: 'An even balance between the sides at the end of a session',
    });
  }
  return missing;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
