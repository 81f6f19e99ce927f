// A client at a glance, from fixed histories written one session a line:
//   "-3d L12 R15 even knee=3"  three days ago, left glute at rep 12, right
//                              at 15, an even finish, knee scored 3
//   "-9d L- R8"                nine days ago, the left glute never fired
//   "-2d L5 R6 even bridge"    a glute bridge session (ankle squeezes otherwise)
import { describe, expect, it } from 'vitest';
import { caseloadFigures } from '../../src/sync/caseload.js';
import type { ClientStatistics, RecentSession } from '../../src/storage/types.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 18, 0);
const stats = (quarantinedCount = 0): ClientStatistics => ({
  clientId: 'c',
  sessionsCount: 0,
  endedSessionsCount: 0,
  lastSessionAt: null,
  eventsCount: 0,
  quarantinedCount,
  lastSyncedAt: null,
});

function history(script: string): RecentSession[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [ago = '', ...words] = line.split(/\s+/);
      const rep = (side: 'L' | 'R') => {
        const word = words.find((w) => w.startsWith(side));
        return word === undefined || word === `${side}-` ? null : Number(word.slice(1));
      };
      const left = rep('L');
      const right = rep('R');
      const scores = Object.fromEntries(
        words.filter((w) => w.includes('=')).map((w) => [w.split('=')[0], Number(w.split('=')[1])]),
      );
      return {
        clientId: 'c',
        protocol: {
          id: words.includes('bridge') ? 'glute-bridge' : 'prone-ankle-squeeze',
          version: 1,
        },
        startedAt: NOW + Number(ago.replace('d', '')) * DAY,
        outcome:
          left !== null && right !== null ? 'activated' : (left ?? right) ? 'one-side' : 'not-yet',
        leftFiredAtRep: left,
        rightFiredAtRep: right,
        lastBalance:
          words.find((w) => ['even', 'left-stronger', 'right-stronger'].includes(w)) ?? null,
        symptoms: Object.keys(scores).length > 0 ? scores : null,
      } satisfies RecentSession;
    });
}

describe('a client at a glance', () => {
  it('counts the last two weeks and compares this week with the one before', () => {
    const figures = caseloadFigures(
      history(`
        -12d L20 R24
        -10d L18 R22
        -8d L16 R20
        -6d L12 R14
        -4d L10 R12
        -1d L8 R10 even
      `),
      stats(),
      NOW - 30 * DAY,
      NOW,
    );
    expect(figures.sessionsLast14Days).toBe(6);
    expect(figures.practiceDaysLast14).toBe(6);
    expect(figures.firingChange).toEqual({ left: -8, right: -10 });
    expect(figures.latestBalance).toBe('even');
    expect(figures.recentFiring.map((p) => p.left)).toEqual([20, 18, 16, 12, 10, 8]);
    expect(figures.flags).toEqual([]);
  });

  it('flags four quiet days, a glute still asleep after a week, rising pain and quarantined events', () => {
    const figures = caseloadFigures(
      history(`
        -13d L- R20 knee=2
        -9d L- R18 knee=2
        -6d L- R15 knee=4
        -5d L- R14 knee=5
      `),
      stats(2),
      NOW - 20 * DAY,
      NOW,
    );
    expect(figures.flags).toEqual([
      'no-session-in-4-days',
      'one-side-not-firing',
      'symptom-rising',
      'quarantined-events',
    ]);
    expect(figures.firingChange).toEqual({ left: null, right: -4.5 });
  });

  it('waits a week before calling a side asleep, and counts days from joining when there is no session', () => {
    const newcomer = caseloadFigures(history('-2d L- R20'), stats(), NOW - 3 * DAY, NOW);
    expect(newcomer.flags).toEqual([]);
    const silent = caseloadFigures([], stats(), NOW - 5 * DAY, NOW);
    expect(silent).toMatchObject({
      lastSessionAt: null,
      sessionsLast14Days: 0,
      latestBalance: null,
    });
    expect(silent.flags).toEqual(['no-session-in-4-days']);
  });

  it('says what is missing for the next exercise, judged by its readiness rule', () => {
    const figures = caseloadFigures(
      history(`
        -6d L14 R18
        -4d L9 R12 even
        -2d L8 R9 even
        -1d L7 R8 even
      `),
      stats(),
      NOW - 30 * DAY,
      NOW,
    );
    expect(figures.readiness).toMatchObject({
      practising: { id: 'prone-ankle-squeeze' },
      next: { id: 'glute-bridge', name: 'Glute bridges' },
      ready: false,
      practiceDays: { have: 4, need: 7, withinDays: 14 },
      sessionsInARow: { have: 2, need: 3 },
    });
    expect(figures.readiness?.missing).toEqual([
      '3 more practice days (4 of 7 in the last 14 days)',
      '1 more session in a row with both glutes firing within 10 reps and an even balance (2 so far)',
    ]);
  });

  it('is ready for bridges after a week of practice with three even sessions in a row', () => {
    const figures = caseloadFigures(
      history(`
        -10d L20 R24
        -8d L16 R20
        -7d L14 R18
        -6d L12 R14
        -3d L9 R10 even
        -2d L8 R9 even
        -1d L7 R8 even
      `),
      stats(),
      NOW - 30 * DAY,
      NOW,
    );
    expect(figures.readiness).toMatchObject({
      next: { id: 'glute-bridge' },
      ready: true,
      missing: [],
    });
  });

  it('looks one rung further once the client practises the next exercise', () => {
    const figures = caseloadFigures(history('-1d L5 R6 even bridge'), stats(), NOW - 30 * DAY, NOW);
    expect(figures.readiness).toMatchObject({
      practising: { id: 'glute-bridge' },
      next: { id: 'hip-thrust' },
      ready: false,
    });
    const newcomer = caseloadFigures([], stats(), NOW - DAY, NOW);
    expect(newcomer.readiness).toMatchObject({
      practising: { id: 'prone-ankle-squeeze' },
      next: { id: 'glute-bridge' },
      practiceDays: { have: 0, need: 7 },
    });
  });
});
