// Per-side work (lunges): every set is done on the left leg, then on the
// right, each side its own run of reps with its own check-in. The engine
// announces the leg, pauses briefly to switch, rests only after the right
// side, and the summary keeps left and right apart (`work.sides`).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyEvent,
  foldSession,
  parseScript,
  resolvePlan,
  setLabel,
  sideOfSet,
  type SessionEvent,
  type Simulation,
  type TimelineStep,
} from '../src/index.js';
import { scriptArb, SEED } from './arbitraries.js';
import { builtin, lookupFor, protocolVariants, run } from './helpers.js';

const lunge = builtin('lunge');
const lunges = (text: string, settings = {}) => run(text, { protocol: lunge, settings });

const said = (sim: Simulation) =>
  sim.score.flatMap((step) =>
    step.sounds.flatMap((sound) => (sound.kind === 'speech' ? [sound.text] : [])),
  );
const spokenIn = (steps: readonly TimelineStep[]) =>
  steps.flatMap((step) =>
    step.sounds.flatMap((sound) => (sound.kind === 'speech' ? [sound.text] : [])),
  );

describe('a lunge session: "6:thighs 12:left 18:right", then each leg in turn', () => {
  const sim = lunges(
    '6:thighs 12:left 18:right s1L:left/even s1R:right/even s2R:right/left-stronger',
  );

  test('measures the wake-up exactly as for any rung', () => {
    expect(sim.summary.outcome).toBe('activated');
    expect(sim.summary.wakeUp).toEqual({
      reps: 18,
      leftFiredAtRep: 12,
      rightFiredAtRep: 18,
      bothFiredAtRep: 18,
    });
  });

  test('does 3 sets of 8 on each leg, left first, and keeps the sides apart', () => {
    expect(sim.summary.work.sets).toEqual([8, 8, 8, 8, 8, 8]);
    expect(sim.summary.work.sides).toEqual(['left', 'right', 'left', 'right', 'left', 'right']);
    expect(sim.summary.work.balance).toEqual([
      'even',
      'even',
      'even',
      'left-stronger',
      'left-stronger',
      'left-stronger',
    ]);
    expect(sim.unusedActions).toEqual([]);
  });

  test('checks in after each leg, with the cue for the weaker side', () => {
    const work = sim.summary.checkIns.filter((c) => c.phase === 'work');
    expect(work.map((c) => [c.set, c.rep, c.felt])).toEqual([
      [1, 8, ['left']],
      [2, 8, ['right']],
      [3, 8, ['right']],
      [4, 8, ['right']],
      [5, 8, ['right']],
      [6, 8, ['right']],
    ]);
    expect(work[3]?.cues).toEqual(['weaker-side', 'fingertips']);
  });

  test('announces the leg, switches without a rest, and rests after the right leg', () => {
    const lines = said(sim);
    const from = lines.indexOf('Now 3 sets of 8 on each leg to lock it in, left leg first.');
    expect(from).toBeGreaterThan(0);
    const work = lines
      .slice(from)
      .filter((line) => !/^\d+$/.test(line) && !line.startsWith('Where'));
    expect(work.slice(0, 8)).toEqual([
      'Now 3 sets of 8 on each leg to lock it in, left leg first.',
      'Left leg, set 1 of 3. Ready.',
      'Switch to your right leg.',
      'Right leg, set 1 of 3. Ready.',
      'Rest for 60 seconds.',
      'Ten seconds.',
      'Left leg, set 2 of 3. Ready.',
      'Switch to your right leg.',
    ]);
    const switchRest = sim.score.find((step) => step.kind === 'rest' && step.set === 2);
    expect(switchRest?.durationMs).toBe(5000);
  });
});

test('a stop in the middle of set 2 on the right leg keeps what each side did', () => {
  const sim = lunges('6:both s2Rr3:stop');
  expect(sim.summary.outcome).toBe('stopped');
  expect(sim.summary.work.sets).toEqual([8, 8, 8, 3]);
  expect(sim.summary.work.sides).toEqual(['left', 'right', 'left', 'right']);
});

test('a pause on one leg resumes on that leg, at the same lunge', () => {
  const sim = lunges('6:both s1Rr3:pause=2m');
  expect(said(sim)).toContain('Welcome back. Right leg, set 1, lunge 4.');
  expect(said(sim)).toContain('Right leg. Ready.');
  expect(sim.summary.work.sets).toEqual([8, 8, 8, 8, 8, 8]);
  expect(sim.summary.pausedSeconds).toBe(120);
});

test('a report while switching legs belongs to the leg just done', () => {
  const { events } = lunges('6:both');
  const leftDone = events.findIndex(
    (e) => e.type === 'rep.completed' && e.set === 1 && e.rep === 8,
  );
  const answered =
    leftDone + events.slice(leftDone).findIndex((e) => e.type === 'checkIn.answered');
  const before = foldSession(lookupFor(lunge), events.slice(0, answered + 1));
  expect(before.position).toMatchObject({ kind: 'block', set: 2, nextRep: 1 });
  const at = before.lastEventAt + 1000;
  const after: SessionEvent[] = [
    { type: 'balance.reported', at, balance: 'right-stronger' },
    { type: 'felt', at, regions: ['right'] },
  ];
  const state = after.reduce((s, e) => applyEvent(lookupFor(lunge), s, e), before);
  expect(state.setBalance).toEqual(['right-stronger']);
  expect(state.reports.at(-1)).toMatchObject({ phase: 'work', set: 1, rep: 8 });
  expect(state.position).toMatchObject({ kind: 'block', set: 2, nextRep: 1 });
});

test('the sets setting counts sets per leg', () => {
  const sim = lunges('6:both', { sets: 2, repsPerSet: 4 });
  expect(sim.summary.work.sets).toEqual([4, 4, 4, 4]);
  expect(said(sim)).toContain('Now 2 sets of 4 on each leg to lock it in, left leg first.');
  expect(said(sim)).toContain('Right leg, set 2 of 2. Ready.');
});

test('one set per leg names the leg without counting sets', () => {
  const sim = lunges('6:both', { sets: 1 });
  expect(said(sim)).toContain('Left leg. Ready.');
  expect(said(sim)).toContain('Right leg. Ready.');
  expect(said(sim)).toContain('Now one set of 8 on each leg to lock it in, left leg first.');
});

describe('set numbers and sides', () => {
  const plan = resolvePlan(lunge, {});

  test('each set of the person is two sets of the engine: left, then right', () => {
    expect(plan.work).toMatchObject({ sets: 6, perSide: true, switchSidesMs: 5000 });
    expect([1, 2, 3, 4, 5, 6].map((set) => setLabel(plan, set))).toEqual([
      { set: 1, of: 3, side: 'left' },
      { set: 1, of: 3, side: 'right' },
      { set: 2, of: 3, side: 'left' },
      { set: 2, of: 3, side: 'right' },
      { set: 3, of: 3, side: 'left' },
      { set: 3, of: 3, side: 'right' },
    ]);
  });

  test('a protocol that is not per side has no sides', () => {
    const squeezes = resolvePlan(protocolVariants.builtin, {});
    expect(squeezes.work).toMatchObject({ sets: 3, perSide: false, switchSidesMs: 0 });
    expect(setLabel(squeezes, 2)).toEqual({ set: 2, of: 3, side: null });
    expect(sideOfSet(squeezes, 1)).toBeNull();
    expect(run('30:both').summary.work.sides).toEqual([null, null, null]);
  });

  test('a per-side copy of ankle squeezes works the same way', () => {
    const sim = run('10:both s1R:both/right-stronger', { protocol: protocolVariants['per-side'] });
    expect(sim.summary.work.sets).toHaveLength(6);
    expect(sim.summary.work.balance.slice(0, 3)).toEqual([
      null,
      'right-stronger',
      'right-stronger',
    ]);
    expect(spokenIn(sim.score)).toContain('Switch to your right leg.');
  });
});

describe('scripts name the leg', () => {
  test('s2L, s2R, s2Rr5 and plain s2 (the left leg)', () => {
    const good = parseScript('s2L:left s2R:right s2Rr5:stop s1r5:both s1rr5:none s2:both');
    expect(good.ok && good.actions.map((action) => action.moment)).toEqual([
      { phase: 'work', set: 2, rep: 'end', side: 'left' },
      { phase: 'work', set: 2, rep: 'end', side: 'right' },
      { phase: 'work', set: 2, rep: 5, side: 'right' },
      { phase: 'work', set: 1, rep: 5 },
      { phase: 'work', set: 1, rep: 5, side: 'right' },
      { phase: 'work', set: 2, rep: 'end' },
    ]);
  });

  test('plain s2 on lunges is set 2 on the left leg', () => {
    const sim = lunges('6:both s2r3:stop');
    expect(sim.summary.work.sets).toEqual([8, 8, 3]);
  });

  test('a leg named for a protocol that is not per side never comes', () => {
    const sim = run('30:both s1R:both/left-stronger');
    expect(sim.unusedActions).toHaveLength(1);
    expect(sim.summary.work.balance).toEqual([null, null, null]);
  });

  test('a bad moment explains the leg forms', () => {
    const parsed = parseScript('s2x:left');
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      '"s2x:left": "s2x" is not a rep (use 30, s2, s2r10, or s2L / s2Rr10 for one leg; counting starts at 1)',
    ]);
  });
});

test('any lunge script keeps one side per set entry, alternating from the left (property)', () => {
  fc.assert(
    fc.property(scriptArb, (text) => {
      const { summary } = lunges(text);
      const { sets, sides, balance } = summary.work;
      expect(sides).toHaveLength(sets.length);
      expect(balance).toHaveLength(sets.length);
      sides.forEach((side, index) => expect(side).toBe(index % 2 === 0 ? 'left' : 'right'));
      sets.slice(0, -1).forEach((reps) => expect(reps).toBe(8));
      if (summary.outcome === 'activated') expect(sets).toHaveLength(6);
    }),
    { seed: SEED, numRuns: 60 },
  );
});
