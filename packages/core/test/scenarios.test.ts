// Whole sessions, written as the short scripts people use to describe them
// ("10:thighs 20:hamstrings 30:left 40:both"), run on the virtual clock.
// Each scenario checks the numbers the session yields and the cues it gave.
import { describe, expect, test } from 'vitest';
import type { SessionSummary, Simulation } from '../src/index.js';
import { run } from './helpers.js';

const cuesAt = (sim: Simulation, rep: number) =>
  sim.state.checkIns.find((c) => c.phase === 'wake-up' && c.rep === rep)?.cues ?? [];

/** The numbers that do not depend on how long anything took. */
function countsOf(summary: SessionSummary) {
  const { outcome, wakeUp, work, checkIns, reports, ignoredEvents } = summary;
  return { outcome, wakeUp, work, checkIns, reports, ignoredEvents };
}

describe('the expected course: thighs, then hamstrings, then one glute, then both', () => {
  const sim = run('10:thighs 20:hamstrings 30:left 40:both');

  test('activates at rep 40 and does the three work sets of 20', () => {
    expect(sim.summary.outcome).toBe('activated');
    expect(sim.summary.wakeUp).toEqual({
      reps: 40,
      leftFiredAtRep: 30,
      rightFiredAtRep: 40,
      bothFiredAtRep: 40,
    });
    expect(sim.summary.work.sets).toEqual([20, 20, 20]);
    expect(sim.unusedActions).toEqual([]);
    expect(sim.summary.ignoredEvents).toBe(0);
  });

  test('checks in every ten reps, then after every set', () => {
    expect(sim.summary.checkIns.map((c) => [c.phase, c.set, c.rep, c.reason])).toEqual([
      ['wake-up', null, 10, 'interval'],
      ['wake-up', null, 20, 'interval'],
      ['wake-up', null, 30, 'interval'],
      ['wake-up', null, 40, 'interval'],
      ['work', 1, 20, 'set-end'],
      ['work', 2, 20, 'set-end'],
      ['work', 3, 20, 'set-end'],
    ]);
  });

  test('answers each report with the cue for it', () => {
    expect(sim.summary.checkIns.slice(0, 4).map((c) => c.cues)).toEqual([
      ['inner-heel', 'not-ankle-bones', 'expected-course'],
      ['fingertips', 'knees-at-90', 'lighter-squeeze'],
      ['asymmetry', 'fingertips-sleepy-side'],
      [],
    ]);
  });
});

test('thighs, then hamstrings, then both glutes at once', () => {
  const sim = run('10:thighs 20:hamstrings 30:both');
  expect(sim.summary.outcome).toBe('activated');
  expect(sim.summary.wakeUp).toEqual({
    reps: 30,
    leftFiredAtRep: 30,
    rightFiredAtRep: 30,
    bothFiredAtRep: 30,
  });
  expect(sim.summary.checkIns.map((c) => c.felt)).toEqual([
    ['thighs'],
    ['hamstrings'],
    ['left', 'right'],
    ...Array<string[]>(3).fill(['left', 'right']),
  ]);
  expect(sim.summary.work.sets).toEqual([20, 20, 20]);
});

describe('one glute first, then both', () => {
  test('names the right glute as the sleepy one while only the left has fired', () => {
    const sim = run('10:left 20:left 30:both');
    const cues = cuesAt(sim, 10);
    expect(cues.map((c) => c.cueId)).toEqual(['asymmetry', 'fingertips-sleepy-side']);
    expect(cues[0]?.text).toContain('Your left glute is awake');
    expect(cues[0]?.text).toContain('give the right side time');
    expect(cues[1]?.text).toContain('on your right glute, the sleepy one');
    expect(sim.summary.outcome).toBe('activated');
    expect(sim.summary.wakeUp).toMatchObject({ reps: 30, leftFiredAtRep: 10, rightFiredAtRep: 30 });
  });

  test('names the left glute as the sleepy one when the right fired first', () => {
    const sim = run('10:right 20:both');
    expect(cuesAt(sim, 10)[1]?.text).toContain('on your left glute, the sleepy one');
    expect(sim.summary.wakeUp).toMatchObject({ reps: 20, leftFiredAtRep: 20, rightFiredAtRep: 10 });
  });
});

describe('the wake-up cap', () => {
  test('nothing felt by rep 60 ends the session as not-yet, with no work sets', () => {
    const sim = run('');
    expect(sim.summary.outcome).toBe('not-yet');
    expect(sim.summary.wakeUp).toEqual({
      reps: 60,
      leftFiredAtRep: null,
      rightFiredAtRep: null,
      bothFiredAtRep: null,
    });
    expect(sim.summary.work.sets).toEqual([]);
    expect(sim.summary.checkIns.map((c) => c.reason)).toEqual([
      ...Array<string>(5).fill('interval'),
      'cap',
    ]);
  });

  test('one glute by the cap ends as one-side, and says which glute woke', () => {
    const sim = run('10:left');
    expect(sim.summary.outcome).toBe('one-side');
    expect(sim.summary.wakeUp).toMatchObject({
      reps: 60,
      leftFiredAtRep: 10,
      rightFiredAtRep: null,
    });
    expect(sim.summary.work.sets).toEqual([]);
    const farewell = sim.score.find((step) => step.kind === 'farewell');
    expect(JSON.stringify(farewell?.sounds)).toContain('Your left glute woke up');
  });
});

describe('reports between check-ins', () => {
  test('"7:left 13:right": the left fires at 7, and the wake-up ends at rep 13', () => {
    const sim = run('7:left 13:right');
    expect(sim.summary.wakeUp).toEqual({
      reps: 13,
      leftFiredAtRep: 7,
      rightFiredAtRep: 13,
      bothFiredAtRep: 13,
    });
    expect(sim.summary.reports.slice(0, 3).map((r) => [r.rep, r.source, r.felt])).toEqual([
      [7, 'spontaneous', ['left']],
      [10, 'check-in', ['left']],
      [13, 'spontaneous', ['right']],
    ]);
    expect(sim.summary.outcome).toBe('activated');
    expect(sim.summary.work.sets).toEqual([20, 20, 20]);
  });

  test('a glute felt on the very rep before a check-in counts as the answer', () => {
    const sim = run('10:both');
    expect(sim.summary.wakeUp).toMatchObject({ reps: 10, bothFiredAtRep: 10 });
    expect(sim.summary.reports.map((r) => r.source)[0]).toBe('check-in');
  });
});

describe('pausing', () => {
  const plain = run('30:both');
  const paused = run('12:pause=1h 30:both');

  test('resumes at rep 13 an hour later', () => {
    const pauseAt = paused.events.findIndex((e) => e.type === 'session.paused');
    const [pause, resume, next] = paused.events.slice(pauseAt, pauseAt + 3);
    expect(resume?.type).toBe('session.resumed');
    expect((resume?.at ?? 0) - (pause?.at ?? 0)).toBe(3_600_000);
    expect(next).toMatchObject({ type: 'rep.completed', phase: 'wake-up', rep: 13 });
    const welcome = paused.score.find((step) =>
      JSON.stringify(step.sounds).includes('Welcome back'),
    );
    expect(JSON.stringify(welcome?.sounds)).toContain('squeeze 13');
  });

  test('counts the hour as paused, and every other number stays the same', () => {
    expect(paused.summary.pausedSeconds).toBe(3600);
    expect(countsOf(paused.summary)).toEqual(countsOf(plain.summary));
    expect(countsOf(run('12:pause=1h').summary)).toEqual(countsOf(run('').summary));
    expect(paused.summary.timeUnderTensionSeconds).toBe(plain.summary.timeUnderTensionSeconds);
    // Only the welcome back and a fresh count-in are added to the active time.
    const extra = paused.summary.durationSeconds - plain.summary.durationSeconds;
    expect(extra).toBeGreaterThan(0);
    expect(extra).toBeLessThan(10);
  });

  test('a pause at a check-in asks again on resuming, and the answer still counts', () => {
    const sim = run('10:pause=10m 10:left 20:both');
    expect(sim.summary.pausedSeconds).toBe(600);
    expect(sim.summary.checkIns[0]).toMatchObject({ rep: 10, felt: ['left'] });
    expect(sim.summary.wakeUp).toMatchObject({ leftFiredAtRep: 10, bothFiredAtRep: 20 });
  });
});

describe('stopping', () => {
  test('mid-set: "s2r7:stop" keeps the seven reps of set 2', () => {
    const sim = run('30:both s2r7:stop');
    expect(sim.summary.outcome).toBe('stopped');
    expect(sim.summary.work.sets).toEqual([20, 7]);
    expect(sim.events[sim.events.length - 1]?.type).toBe('session.stopped');
  });

  test('during the wake-up: no work sets, the reps done so far', () => {
    const sim = run('15:stop');
    expect(sim.summary.outcome).toBe('stopped');
    expect(sim.summary.wakeUp.reps).toBe(15);
    expect(sim.summary.work.sets).toEqual([]);
  });
});

describe('check-ins nobody answers', () => {
  test('"10:silent" times out with nothing felt, and the session carries on', () => {
    const sim = run('10:silent 30:both');
    expect(sim.summary.checkIns[0]).toEqual({
      phase: 'wake-up',
      set: null,
      rep: 10,
      reason: 'interval',
      felt: null,
      balance: null,
      cues: [],
    });
    expect(sim.events.filter((e) => e.type === 'checkIn.timedOut')).toHaveLength(1);
    expect(sim.summary.checkIns[1]).toMatchObject({ rep: 20, felt: ['none'] });
    expect(sim.summary.outcome).toBe('activated');
  });

  test('a time-out does not count as a check-in without a glute', () => {
    const sim = run('10:silent 20:none');
    expect(sim.summary.checkIns[1]?.cues).not.toContain('fingertips');
    expect(sim.summary.checkIns[2]?.cues).toContain('fingertips');
  });
});

describe('settings', () => {
  const gapsBetweenReps = (sim: Simulation) => {
    const reps = sim.events.filter((e) => e.type === 'rep.completed').slice(0, 10);
    return [...new Set(reps.slice(1).map((rep, i) => rep.at - (reps[i]?.at ?? 0)))];
  };

  test('holdMs 1000 shortens every rep by a second', () => {
    const normal = run('30:both');
    const quick = run('30:both', { settings: { holdMs: 1000 } });
    expect(gapsBetweenReps(normal)).toEqual([4600]);
    expect(gapsBetweenReps(quick)).toEqual([3600]);
    expect(countsOf(quick.summary)).toEqual(countsOf(normal.summary));
    // 90 reps at 1.6 s of squeeze and hold instead of 2.6 s.
    expect(normal.summary.timeUnderTensionSeconds).toBe(234);
    expect(quick.summary.timeUnderTensionSeconds).toBe(144);
  });

  test('checkInEveryReps 5 moves the check-ins to every fifth rep', () => {
    const sim = run('15:left 20:both', { settings: { checkInEveryReps: 5 } });
    expect(sim.summary.checkIns.filter((c) => c.phase === 'wake-up').map((c) => c.rep)).toEqual([
      5, 10, 15, 20,
    ]);
    expect(sim.summary.wakeUp).toMatchObject({ leftFiredAtRep: 15, bothFiredAtRep: 20 });
  });

  test('timescale 0.02 runs fifty times faster with the same numbers', () => {
    const script = '10:thighs 20:left 27:right s2:both/left-stronger s3r4:pause=2m';
    const normal = run(script);
    const fast = run(script, { settings: { timescale: 0.02 } });
    expect(countsOf(fast.summary)).toEqual(countsOf(normal.summary));
    expect(fast.summary.durationSeconds).toBeCloseTo(normal.summary.durationSeconds * 0.02, 0);
    expect(fast.summary.pausedSeconds).toBe(120);
    expect(gapsBetweenReps(fast)).toEqual([92]);
  });

  test('settings outside the protocol ranges are clamped into them', () => {
    const sim = run('', { settings: { wakeUpCapReps: 5, checkInEveryReps: 100 } });
    expect(sim.summary.wakeUp.reps).toBe(20);
    expect(sim.summary.checkIns.map((c) => c.rep)).toEqual([20]);
  });

  test('sets and repsPerSet change the work phase', () => {
    const sim = run('10:both', { settings: { sets: 2, repsPerSet: 8 } });
    expect(sim.summary.work.sets).toEqual([8, 8]);
  });
});

describe('balance in the work sets', () => {
  test('an uneven set is recorded and the weaker glute gets the attention', () => {
    const sim = run('20:both s1:both/left-stronger s2:both/even');
    expect(sim.summary.work.balance).toEqual(['left-stronger', 'even', 'even']);
    const afterSet1 = sim.state.checkIns.find((c) => c.phase === 'work' && c.set === 1);
    expect(afterSet1?.cues.map((c) => c.cueId)).toEqual(['weaker-side', 'fingertips']);
    expect(afterSet1?.cues[0]?.text).toContain('your right glute');
  });
});
