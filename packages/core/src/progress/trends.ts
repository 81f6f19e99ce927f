// The numbers that should move over the days, one point per finished session
// in the order they happened: the rep at which each glute first fired (the
// key number: it should fall), the balance at the end, the wake-up outcome
// and each symptom score. Charts and their data tables are drawn from these.
import type { Outcome } from '../engine/state.js';
import { SYMPTOMS, type Balance, type Symptom } from '../vocabulary.js';
import type { LocalDay } from './days.js';
import { inOrderUntil, type PracticeRecord } from './history.js';
import { isPractice } from './consistency.js';

export interface TrendPoint {
  sessionId: string;
  day: LocalDay;
  startedAt: number;
  outcome: Outcome | 'in-progress';
  leftFiredAtRep: number | null;
  rightFiredAtRep: number | null;
  balance: Balance | null;
  /** -1 left stronger, 0 even, 1 right stronger; null when not reported. */
  balanceScore: -1 | 0 | 1 | null;
  symptoms: Record<Symptom, number | null>;
}

const BALANCE_SCORES = { 'left-stronger': -1, even: 0, 'right-stronger': 1 } as const;

export function trendPoints(
  history: readonly PracticeRecord[],
  protocolId: string,
  today: LocalDay,
): TrendPoint[] {
  return inOrderUntil(history, today)
    .filter((record) => record.protocolId === protocolId && isPractice(record))
    .map((record) => ({
      sessionId: record.sessionId,
      day: record.day,
      startedAt: record.startedAt,
      outcome: record.outcome,
      leftFiredAtRep: record.leftFiredAtRep,
      rightFiredAtRep: record.rightFiredAtRep,
      balance: record.lastBalance,
      balanceScore: record.lastBalance === null ? null : BALANCE_SCORES[record.lastBalance],
      symptoms: Object.fromEntries(
        SYMPTOMS.map((symptom) => [symptom, record.symptoms?.[symptom] ?? null]),
      ) as Record<Symptom, number | null>,
    }));
}

/** The mean of the values that are present, or null when none are. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}
