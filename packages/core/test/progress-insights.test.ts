import { describe, expect, it } from 'vitest';
import { consistencyOf, insightsFor, trendPoints, type Insight } from '../src/index.js';
import { history } from './progress-helpers.js';

const ANKLE = 'prone-ankle-squeeze';
const texts = (insights: Insight[]) => insights.map((insight) => insight.text);

describe('insight lines', () => {
  it('says how much sooner a glute fires than last week', () => {
    const lines = texts(
      insightsFor(
        history(`
          11-10 L20 R30 ; 11-12 L18 R28
          11-17 L12 R16 ; 11-19 L14 R18
        `),
        ANKLE,
        '2026-11-20',
      ),
    );
    expect(lines).toContain('Your right glute now fires 12 reps sooner than last week.');
    expect(lines).toContain('Your left glute now fires 6 reps sooner than last week.');
  });

  it('is honest, and kind, when a glute took longer this week', () => {
    const lines = texts(insightsFor(history('11-10 L10 R12 ; 11-18 L10 R20'), ANKLE, '2026-11-20'));
    expect(lines).toContain(
      'Your right glute took 8 reps longer to fire this week than last. Some weeks are like that.',
    );
    expect(lines.join(' ')).not.toMatch(/left glute/);
  });

  it('says nothing about a week it has no measurement for', () => {
    const lines = texts(insightsFor(history('11-18 L10 R12 ; 11-19 L8 R9'), ANKLE, '2026-11-20'));
    expect(lines.join(' ')).not.toMatch(/sooner|longer/);
  });

  it('notices which side keeps firing first', () => {
    const lines = texts(
      insightsFor(
        history(
          '11-14 L8 R12; 11-15 L9 R14; 11-16 L12 R10; 11-17 L7 R9; 11-18 L6 R11; 11-19 L5 R9',
        ),
        ANKLE,
        '2026-11-19',
      ),
    );
    expect(lines).toContain(
      'Your left glute has fired before your right in 5 of the last 6 sessions.',
    );
  });

  it('does not call a split a pattern', () => {
    const lines = texts(
      insightsFor(
        history('11-16 L8 R12; 11-17 L12 R10; 11-18 L6 R11; 11-19 L9 R5'),
        ANKLE,
        '2026-11-19',
      ),
    );
    expect(lines.join(' ')).not.toMatch(/fired before/);
  });

  it('celebrates the first session in which both glutes fired', () => {
    const lines = texts(
      insightsFor(history('11-17 L-; 11-18 L20 R-; 11-19 L25 R31'), ANKLE, '2026-11-19'),
    );
    expect(lines).toContain(
      'Both glutes fired for the first time in your last session. Well done.',
    );
  });

  it('counts a run of sessions in which both glutes fired', () => {
    const lines = texts(
      insightsFor(history('11-16 L-; 11-17 L9 R12; 11-18 L8 R9; 11-19 L7 R8'), ANKLE, '2026-11-19'),
    );
    expect(lines).toContain('Both glutes fired in each of your last 3 sessions.');
  });

  it('points to a side that keeps feeling stronger', () => {
    const lines = texts(
      insightsFor(
        history('11-16 L9 R9 left; 11-17 L9 R9 left; 11-18 L8 R9 even; 11-19 L7 R8 left'),
        ANKLE,
        '2026-11-19',
      ),
    );
    expect(lines).toContain(
      'Your left side felt stronger at the end of 3 of your last 4 sessions. Resting your fingertips on the other glute can help it join in.',
    );
  });

  it('reports symptoms going down, and sends rising pain to a professional', () => {
    const insights = insightsFor(
      history('11-10 L9 R9 knee=5 back=2; 11-12 L9 R9 knee=3 back=2; 11-18 L9 R9 knee=2 back=4'),
      ANKLE,
      '2026-11-19',
    );
    expect(texts(insights)).toContain(
      'Your knee score averaged 2 this week, down from 4 the week before.',
    );
    const back = insights.find((insight) => insight.id === 'backStiffness-higher');
    expect(back?.tone).toBe('caution');
    expect(back?.text).toMatch(/see a health professional/);
  });

  it('keeps the streak going, or nudges after a gap', () => {
    expect(
      texts(insightsFor(history('11-17 L9; 11-18 L9; 11-19 L9'), ANKLE, '2026-11-20')),
    ).toContain("You've practised 3 days in a row. A session today keeps it going.");
    expect(texts(insightsFor(history('11-14 L9'), ANKLE, '2026-11-19'))).toContain(
      "It's been 5 days since your last session. A short one today is a good restart.",
    );
  });

  it('only looks at the exercise it is asked about', () => {
    const lines = texts(
      insightsFor(history('11-10 bridge L20 R30; 11-18 bridge L5 R6'), ANKLE, '2026-11-19'),
    );
    expect(lines.join(' ')).not.toMatch(/sooner/);
  });
});

describe('consistency', () => {
  it('counts a streak that reached yesterday, and the last four weeks', () => {
    const c = consistencyOf(
      history('11-01 L9; 11-02 L9; 11-17 L9; 11-18 L9; 11-18 L9; 11-19 L9'),
      '2026-11-20',
    );
    expect(c.currentStreak).toBe(3);
    expect(c.practisedToday).toBe(false);
    expect(c.longestStreak).toBe(3);
    expect(c.daysPractisedLast7).toBe(3);
    expect(c.lastFourWeeks).toHaveLength(28);
    expect(c.lastFourWeeks.at(-1)).toEqual({ day: '2026-11-20', sessions: 0, isToday: true });
    expect(c.lastFourWeeks.find((d) => d.day === '2026-11-18')?.sessions).toBe(2);
    expect(c.lastFourWeeks[0]?.day).toBe('2026-10-24');
  });

  it('is broken by a missed day and ignores sessions after today', () => {
    const c = consistencyOf(history('11-16 L9; 11-18 L9; 11-21 L9'), '2026-11-20');
    expect(c.currentStreak).toBe(0);
    expect(c.practisedDays).toEqual(['2026-11-16', '2026-11-18']);
  });
});

describe('trend points', () => {
  it('lists sessions in order with balance scores and every symptom', () => {
    const points = trendPoints(
      history('11-19 L5 R9 right knee=2; 11-18 L9 R- even'),
      ANKLE,
      '2026-11-20',
    );
    expect(points.map((p) => [p.day, p.leftFiredAtRep, p.rightFiredAtRep, p.balanceScore])).toEqual(
      [
        ['2026-11-18', 9, null, 0],
        ['2026-11-19', 5, 9, 1],
      ],
    );
    expect(points[1]?.symptoms).toEqual({
      knee: 2,
      foot: null,
      hamstringCramping: null,
      backStiffness: null,
    });
  });
});
