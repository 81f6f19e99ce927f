// Plain-language lines about how practice is going, computed here so every
// app says the same thing: "Your right glute now fires 12 reps sooner than
// last week." Each insight needs enough data to be fair (at least one
// measurement in each week it compares); none makes a medical claim, and a
// rising symptom always comes with the advice to see a professional.
import { SYMPTOMS, type Glute, type Symptom } from '../vocabulary.js';
import { consistencyOf } from './consistency.js';
import { daysBetween, type LocalDay } from './days.js';
import type { PracticeRecord } from './history.js';
import { meanOf, trendPoints, type TrendPoint } from './trends.js';

export type InsightTone = 'encouraging' | 'neutral' | 'caution';

export interface Insight {
  id: string;
  text: string;
  tone: InsightTone;
}

export const SYMPTOM_WORDS: Record<Symptom, string> = {
  knee: 'knee',
  foot: 'foot',
  hamstringCramping: 'hamstring cramping',
  backStiffness: 'back stiffness',
};

/** Reps or points a weekly average must move by before it is worth a line. */
const MIN_REP_CHANGE = 2;
const MIN_SYMPTOM_CHANGE = 1;

export function insightsFor(
  history: readonly PracticeRecord[],
  protocolId: string,
  today: LocalDay,
): Insight[] {
  const points = trendPoints(history, protocolId, today);
  const thisWeek = points.filter((p) => daysBetween(p.day, today) < 7);
  const lastWeek = points.filter((p) => {
    const age = daysBetween(p.day, today);
    return age >= 7 && age < 14;
  });
  return [
    ...(['left', 'right'] as const).flatMap((glute) => firingChange(glute, thisWeek, lastWeek)),
    ...firstSide(points),
    ...bothFiring(points),
    ...balancePattern(points),
    ...SYMPTOMS.flatMap((symptom) => symptomChange(symptom, thisWeek, lastWeek)),
    ...habit(history, today),
  ];
}

function firedAt(point: TrendPoint, glute: Glute): number | null {
  return glute === 'left' ? point.leftFiredAtRep : point.rightFiredAtRep;
}

function firingChange(glute: Glute, thisWeek: TrendPoint[], lastWeek: TrendPoint[]): Insight[] {
  const now = meanOf(thisWeek.map((p) => firedAt(p, glute)));
  const before = meanOf(lastWeek.map((p) => firedAt(p, glute)));
  if (now === null || before === null) return [];
  const sooner = Math.round(before - now);
  if (sooner >= MIN_REP_CHANGE) {
    return [
      {
        id: `${glute}-fires-sooner`,
        text: `Your ${glute} glute now fires ${sooner} reps sooner than last week.`,
        tone: 'encouraging',
      },
    ];
  }
  if (sooner <= -MIN_REP_CHANGE) {
    return [
      {
        id: `${glute}-fires-later`,
        text: `Your ${glute} glute took ${-sooner} reps longer to fire this week than last. Some weeks are like that.`,
        tone: 'neutral',
      },
    ];
  }
  return [];
}

function firstSide(points: readonly TrendPoint[]): Insight[] {
  const bothFired = points.filter((p) => p.leftFiredAtRep !== null && p.rightFiredAtRep !== null);
  const recent = bothFired.slice(-6);
  if (recent.length < 3) return [];
  for (const [first, second] of [
    ['left', 'right'],
    ['right', 'left'],
  ] as const) {
    const times = recent.filter(
      (p) => (firedAt(p, first) ?? Infinity) < (firedAt(p, second) ?? Infinity),
    ).length;
    if (times >= 3 && times * 3 >= recent.length * 2) {
      return [
        {
          id: `${first}-fires-first`,
          text:
            times === recent.length
              ? `Your ${first} glute has fired before your ${second} in each of the last ${times} sessions.`
              : `Your ${first} glute has fired before your ${second} in ${times} of the last ${recent.length} sessions.`,
          tone: 'neutral',
        },
      ];
    }
  }
  return [];
}

function bothFiring(points: readonly TrendPoint[]): Insight[] {
  const measured = points.filter((p) => p.outcome !== 'in-progress');
  const latest = measured.at(-1);
  if (latest === undefined) return [];
  const both = (p: TrendPoint) => p.leftFiredAtRep !== null && p.rightFiredAtRep !== null;
  if (!both(latest)) return [];
  let run = 0;
  while (run < measured.length && both(measured[measured.length - 1 - run] as TrendPoint)) run++;
  if (run === measured.length && run === 1) {
    return [
      {
        id: 'both-fired-first-time',
        text: 'Both glutes fired in your first session. A great start.',
        tone: 'encouraging',
      },
    ];
  }
  if (run === 1 && !measured.slice(0, -1).some(both)) {
    return [
      {
        id: 'both-fired-first-time',
        text: 'Both glutes fired for the first time in your last session. Well done.',
        tone: 'encouraging',
      },
    ];
  }
  if (run >= 2) {
    return [
      {
        id: 'both-fired-run',
        text: `Both glutes fired in each of your last ${run} sessions.`,
        tone: 'encouraging',
      },
    ];
  }
  return [];
}

function balancePattern(points: readonly TrendPoint[]): Insight[] {
  const reported = points.filter((p) => p.balance !== null).slice(-4);
  if (reported.length < 3) return [];
  const lastThree = reported.slice(-3);
  if (lastThree.every((p) => p.balance === 'even')) {
    return [
      {
        id: 'balance-even',
        text: 'Your last 3 sessions ended with both sides feeling even.',
        tone: 'encouraging',
      },
    ];
  }
  for (const side of ['left', 'right'] as const) {
    const times = reported.filter((p) => p.balance === `${side}-stronger`).length;
    if (times >= 3) {
      return [
        {
          id: `${side}-stronger-often`,
          text: `Your ${side} side felt stronger at the end of ${times} of your last ${reported.length} sessions. Resting your fingertips on the other glute can help it join in.`,
          tone: 'neutral',
        },
      ];
    }
  }
  return [];
}

function symptomChange(
  symptom: Symptom,
  thisWeek: TrendPoint[],
  lastWeek: TrendPoint[],
): Insight[] {
  const now = meanOf(thisWeek.map((p) => p.symptoms[symptom]));
  const before = meanOf(lastWeek.map((p) => p.symptoms[symptom]));
  if (now === null || before === null) return [];
  const words = SYMPTOM_WORDS[symptom];
  if (before - now >= MIN_SYMPTOM_CHANGE) {
    return [
      {
        id: `${symptom}-lower`,
        text: `Your ${words} score averaged ${oneDecimal(now)} this week, down from ${oneDecimal(before)} the week before.`,
        tone: 'encouraging',
      },
    ];
  }
  if (now - before >= MIN_SYMPTOM_CHANGE) {
    return [
      {
        id: `${symptom}-higher`,
        text: `Your ${words} score averaged ${oneDecimal(now)} this week, up from ${oneDecimal(before)}. If pain keeps coming back, see a health professional.`,
        tone: 'caution',
      },
    ];
  }
  return [];
}

function habit(history: readonly PracticeRecord[], today: LocalDay): Insight[] {
  const consistency = consistencyOf(history, today);
  const { currentStreak, practisedToday, lastPractisedDay } = consistency;
  if (currentStreak >= 2) {
    return [
      {
        id: 'streak',
        text: practisedToday
          ? `You've practised ${currentStreak} days in a row.`
          : `You've practised ${currentStreak} days in a row. A session today keeps it going.`,
        tone: 'encouraging',
      },
    ];
  }
  if (lastPractisedDay !== null && daysBetween(lastPractisedDay, today) >= 3) {
    const days = daysBetween(lastPractisedDay, today);
    return [
      {
        id: 'gap',
        text: `It's been ${days} days since your last session. A short one today is a good restart.`,
        tone: 'neutral',
      },
    ];
  }
  return [];
}

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}
