import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  evaluateReadiness,
  type PracticeRecord,
  type ReadinessRule,
} from '../src/index.js';
import { bridgeRule, history } from './progress-helpers.js';

const TODAY = '2026-11-20';
const missingTexts = (records: PracticeRecord[], rule: ReadinessRule = bridgeRule) =>
  evaluateReadiness(rule, records, TODAY).missing.map((m) => m.text);

describe('readiness for glute bridges', () => {
  it('unlocks after 7 practice days with the last 3 sessions early and even', () => {
    const report = evaluateReadiness(
      bridgeRule,
      history(`
        11-08 L30 R- ; 11-10 L20 R25 left ; 11-12 L15 R18 right ; 11-14 L12 R12 even
        11-16 L9 R10 even ; 11-18 L8 R9 even ; 11-20 L6 R7 even
      `),
      TODAY,
    );
    expect(report.missing).toEqual([]);
    expect(report.ready).toBe(true);
    expect(report.practiceDays).toEqual({ have: 7, need: 7, withinDays: 14 });
    expect(report.recentMeeting).toEqual({ have: 3, need: 3 });
  });

  it('says exactly what is missing', () => {
    expect(
      missingTexts(
        history(
          '11-15 L9 R10 even ; 11-17 L8 R9 even ; 11-18 L6 R7 even ; 11-19 L5 R8 even ; 11-20 L7 R14 even',
        ),
      ),
    ).toEqual([
      '2 more practice days (5 of 7 in the last 14 days)',
      '3 sessions in a row with both glutes firing within 10 reps and an even balance',
      'Your right glute needs to fire within 10 reps (last time it took 14)',
    ]);
  });

  it('names a glute that did not fire, and an uneven finish', () => {
    expect(missingTexts(history('11-20 L4 R- left'))).toEqual([
      '6 more practice days (1 of 7 in the last 14 days)',
      '3 sessions in a row with both glutes firing within 10 reps and an even balance',
      'Your right glute needs to fire within 10 reps (it did not fire last time)',
      'An even balance between the sides at the end of a session',
    ]);
  });

  it('starts from nothing with a clear first step', () => {
    expect(missingTexts([])).toEqual([
      '7 more practice days (0 of 7 in the last 14 days)',
      '3 sessions in a row with both glutes firing within 10 reps and an even balance',
    ]);
  });

  it('counts days, not sessions, and not days outside the window', () => {
    const records = history(
      '11-01 L9 R9 even; 11-06 L9 R9 even; 11-19 L9 R9 even; 11-19 L9 R9 even; 11-20 L9 R9 even',
    );
    expect(evaluateReadiness(bridgeRule, records, TODAY).practiceDays.have).toBe(2);
  });

  it('ignores stopped sessions and other exercises, and counts a pre-activation block as practice only', () => {
    const records = history(
      '11-14 L9 R9 even; 11-15 stopped L2 R3 even; 11-16 prime; 11-17 bridge L1 R1 even',
    );
    const report = evaluateReadiness(bridgeRule, records, TODAY);
    expect(report.practiceDays.have).toBe(2);
    expect(report.recent.map((r) => r.day)).toEqual(['2026-11-14']);
  });

  it('follows its thresholds as data', () => {
    const gentle = {
      ...bridgeRule,
      minPracticeDays: 2,
      recentSessions: 1,
      bothFiredWithinReps: 20,
      evenBalance: false,
    };
    expect(
      evaluateReadiness(gentle, history('11-19 L15 R18 left; 11-20 L20 R19 right'), TODAY).ready,
    ).toBe(true);
  });
});

// Generated histories: sessions on days around today, good or not.
const recordArb = fc.record({
  dayOffset: fc.integer({ min: -30, max: 2 }),
  protocolId: fc.constantFrom('prone-ankle-squeeze', 'prone-ankle-squeeze', 'glute-bridge'),
  outcome: fc.constantFrom(
    'activated',
    'one-side',
    'not-yet',
    'stopped',
    'in-progress',
    'completed',
  ),
  measured: fc.boolean(),
  left: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  right: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  balance: fc.constantFrom(null, 'even', 'left-stronger', 'right-stronger'),
  minute: fc.integer({ min: 0, max: 1439 }),
});
type GeneratedRecord = Omit<
  typeof recordArb extends fc.Arbitrary<infer T> ? T : never,
  'protocolId'
> & { protocolId: string };

function toRecord(generated: GeneratedRecord, index: number): PracticeRecord {
  const day = addDays(TODAY, generated.dayOffset);
  return {
    sessionId: `g${index}`,
    protocolId: generated.protocolId,
    programVersion: null,
    day,
    startedAt: dayNumber(day) * 86_400_000 + generated.minute * 60_000,
    outcome: generated.outcome,
    measured: generated.measured,
    wakeUpReps: generated.measured ? 30 : 0,
    leftFiredAtRep: generated.left,
    rightFiredAtRep: generated.right,
    lastBalance: generated.balance,
    workReps: 60,
    symptoms: null,
  };
}

const ruleArb = fc.record({
  after: fc.constant('prone-ankle-squeeze'),
  minPracticeDays: fc.integer({ min: 1, max: 10 }),
  withinDays: fc.integer({ min: 1, max: 21 }),
  recentSessions: fc.integer({ min: 1, max: 5 }),
  bothFiredWithinReps: fc.integer({ min: 0, max: 30 }),
  evenBalance: fc.boolean(),
});
const historyArb = fc.array(recordArb, { maxLength: 40 }).map((list) => list.map(toRecord));

/** The rule, read straight from its definition, as an independent oracle. */
function ruleHolds(rule: ReadinessRule, records: PracticeRecord[]): boolean {
  const finished = records
    .filter((r) => r.protocolId === rule.after && r.day <= TODAY)
    .filter((r) => ['activated', 'one-side', 'not-yet', 'completed'].includes(r.outcome));
  const days = new Set(
    finished.filter((r) => dayNumber(TODAY) - dayNumber(r.day) < rule.withinDays).map((r) => r.day),
  );
  const latest = finished
    .filter((r) => r.measured)
    .sort((a, b) => b.startedAt - a.startedAt || b.sessionId.localeCompare(a.sessionId))
    .slice(0, rule.recentSessions);
  const good = (r: PracticeRecord) =>
    r.leftFiredAtRep !== null &&
    r.rightFiredAtRep !== null &&
    Math.max(r.leftFiredAtRep, r.rightFiredAtRep) <= rule.bothFiredWithinReps &&
    (!rule.evenBalance || r.lastBalance === 'even');
  return (
    days.size >= rule.minPracticeDays && latest.length === rule.recentSessions && latest.every(good)
  );
}

const qualifying = (rule: ReadinessRule, dayOffset: number, index: number): PracticeRecord =>
  toRecord(
    {
      dayOffset,
      protocolId: rule.after,
      outcome: 'activated',
      measured: true,
      left: rule.bothFiredWithinReps,
      right: 0,
      balance: 'even',
      minute: 1439,
    },
    index,
  );

describe('readiness properties', () => {
  it('never unlocks when the rule is not met, and always when it is', () => {
    fc.assert(
      fc.property(ruleArb, historyArb, (rule, records) => {
        const report = evaluateReadiness(rule, records, TODAY);
        expect(report.ready).toBe(ruleHolds(rule, records));
        expect(report.ready).toBe(report.missing.length === 0);
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it('is monotone in added qualifying sessions', () => {
    fc.assert(
      fc.property(
        ruleArb,
        historyArb,
        fc.integer({ min: -13, max: 0 }),
        (rule, records, offset) => {
          const before = evaluateReadiness(rule, records, TODAY);
          const after = evaluateReadiness(rule, [...records, qualifying(rule, offset, 999)], TODAY);
          if (before.ready) expect(after.ready).toBe(true);
          expect(after.practiceDays.have).toBeGreaterThanOrEqual(before.practiceDays.have);
          expect(after.missing.length).toBeLessThanOrEqual(before.missing.length + 1);
        },
      ),
      { seed: 20261124, numRuns: 500 },
    );
  });

  it('is always reached by enough qualifying days in a row', () => {
    fc.assert(
      fc.property(ruleArb, historyArb, (rule, records) => {
        const days = Math.max(rule.minPracticeDays, rule.recentSessions);
        fc.pre(days <= rule.withinDays);
        const streak = Array.from({ length: days }, (_, i) => qualifying(rule, -i, 1000 + i));
        const earlier = records.filter((r) => r.day < addDays(TODAY, 1 - days));
        expect(evaluateReadiness(rule, [...earlier, ...streak], TODAY).ready).toBe(true);
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});

describe('sessions in a row', () => {
  it('counts only the strong sessions at the end of the history', () => {
    const report = evaluateReadiness(
      bridgeRule,
      history('11-18 L8 R9 even; 11-19 L8 R14 even; 11-20 L6 R7 even'),
      TODAY,
    );
    expect(report.recentMeeting).toEqual({ have: 1, need: 3 });
    expect(report.missing.map((m) => m.text)).toContain(
      '2 more sessions in a row with both glutes firing within 10 reps and an even balance (1 so far)',
    );
  });
});
