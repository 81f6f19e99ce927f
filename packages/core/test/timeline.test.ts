// The timeline: what the coach will play from a state, as contiguous steps
// with offsets from one anchor. It opens with the spoken setup, runs the reps
// on the tempo, schedules the check-in question with them, rests between sets,
// and ends with a farewell that fits the outcome.
import { describe, expect, test } from 'vitest';
import {
  advance,
  applyEvent,
  DEFAULT_SIMULATION_START as T0,
  foldSession,
  initialSessionState,
  timelineOf,
  type SessionEvent,
  type SessionSettings,
  type SessionState,
  type TimelineStep,
} from '../src/index.js';
import { lookup, lookupFor, protocolVariants, run, squeezes } from './helpers.js';

function started(settings: SessionSettings = {}): SessionState {
  return foldSession(lookup, [
    {
      type: 'session.started',
      at: T0,
      v: 1,
      sessionId: 'timeline',
      protocol: { id: squeezes.id, version: squeezes.version },
      settings,
    },
  ]);
}

const then = (state: SessionState, event: SessionEvent) => applyEvent(lookup, state, event);
const spoken = (steps: readonly TimelineStep[]) =>
  steps.flatMap((step) =>
    step.sounds.flatMap((sound) => (sound.kind === 'speech' ? [sound.text] : [])),
  );
const kinds = (steps: readonly TimelineStep[]) => steps.map((step) => step.kind);

function expectContiguous(steps: readonly TimelineStep[]): void {
  steps.slice(1).forEach((step, index) => {
    const previous = steps[index] as TimelineStep;
    expect(step.startMs).toBe(previous.startMs + previous.durationMs);
  });
}

describe('a fresh session', () => {
  const timeline = timelineOf(started());

  test('is anchored at the start and waits for the first check-in answer', () => {
    expect(timeline.anchorAt).toBe(T0);
    expect(timeline.waitsFor).toBe('answer');
    expect(timeline.steps[0]?.startMs).toBe(0);
    expectContiguous(timeline.steps);
  });

  test('speaks the opening, the setup in order, the safety line and how to squeeze', () => {
    const opening = timeline.steps.filter((step) => step.kind === 'speech');
    const purposes = opening.map((step) =>
      step.sounds[0]?.kind === 'speech' ? step.sounds[0].purpose : null,
    );
    expect(purposes).toEqual([
      'opening',
      'setup',
      'setup',
      'setup',
      'setup',
      'setup',
      'safety',
      'instruction',
    ]);
    expect(spoken(opening).slice(2, 6)).toEqual(squeezes.setup.map((step) => step.text));
    expect(spoken(opening)[6]).toBe(squeezes.safety[0]);
  });

  test('runs ten reps on the tempo, then asks where it is felt', () => {
    const reps = timeline.steps.filter(
      (step) => step.rep !== null && step.kind !== 'question' && step.kind !== 'await-answer',
    );
    expect(kinds(reps.slice(0, 4))).toEqual(['squeeze', 'hold', 'release', 'recover']);
    expect(reps.slice(0, 4).map((step) => step.durationMs)).toEqual([600, 2000, 1000, 1000]);
    expect(new Set(reps.map((step) => step.rep))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(kinds(timeline.steps.slice(-4))).toEqual([
      'hold',
      'release',
      'question',
      'await-answer',
    ]);
    expect(spoken(timeline.steps.slice(-2))).toEqual(['Where do you feel it?']);
    expect(timeline.steps[timeline.steps.length - 1]?.durationMs).toBe(30_000);
  });

  test('counts every squeeze out loud unless spokenCounts is off', () => {
    const squeezes1 = timelineOf(started()).steps.find((step) => step.kind === 'squeeze');
    expect(squeezes1?.sounds).toEqual([
      { kind: 'tone', tone: 'squeeze' },
      { kind: 'speech', text: '1', purpose: 'count' },
    ]);
    const quiet = timelineOf(started({ spokenCounts: false })).steps.find(
      (step) => step.kind === 'squeeze',
    );
    expect(quiet?.sounds).toEqual([{ kind: 'tone', tone: 'squeeze' }]);
  });

  test('skips the spoken setup when speakSetup is off', () => {
    const steps = timelineOf(started({ speakSetup: false })).steps;
    expect(spoken(steps)).not.toContain(squeezes.setup[0]?.text);
    expect(spoken(steps)).toContain(squeezes.safety[0]);
  });

  test('scales every duration with the timescale', () => {
    const fast = timelineOf(started({ timescale: 0.1 })).steps;
    expect(fast.find((step) => step.kind === 'hold')?.durationMs).toBe(200);
    expect(fast[fast.length - 1]?.durationMs).toBe(3000);
  });
});

describe('as the session goes on', () => {
  test('the offsets of a run of reps do not move as its reps are logged', () => {
    const before = timelineOf(started());
    const afterThree = advance(lookup, started(), T0 + 55_000).state;
    const after = timelineOf(afterThree);
    expect(after.anchorAt).toBe(before.anchorAt);
    expect(after.steps[0]).toMatchObject({ kind: 'recover', rep: 3 });
    expect(before.steps.slice(-after.steps.length)).toEqual(after.steps);
  });

  test('at a check-in: the question and the wait, anchored when it was asked', () => {
    const atCheckIn = advance(lookup, started(), T0 + 87_000).state;
    const timeline = timelineOf(atCheckIn);
    expect(timeline.waitsFor).toBe('answer');
    expect(kinds(timeline.steps)).toEqual(['question', 'await-answer']);
    expect(atCheckIn.position.kind === 'check-in' && atCheckIn.position.askedAt).toBe(
      timeline.anchorAt,
    );
  });

  test('once both glutes wake: the cue, the work intro, a lead-in rest, then "Set 1 of 3"', () => {
    const atCheckIn = advance(lookup, started(), T0 + 87_000).state;
    const working = then(atCheckIn, {
      type: 'checkIn.answered',
      at: T0 + 90_000,
      regions: ['left', 'right'],
    });
    const { steps } = timelineOf(working);
    expect(kinds(steps.slice(0, 4))).toEqual(['speech', 'speech', 'rest', 'count-in']);
    expect(spoken(steps.slice(0, 4))).toEqual([
      'Both glutes are awake. Well done.',
      'Now 3 sets of 20 to lock it in.',
      'Set 1 of 3. Ready.',
    ]);
    expect(steps[2]?.durationMs).toBe(10_000);
  });

  test('between sets: the rest is announced, with a ten-second warning before it ends', () => {
    const sim = run('10:both');
    const rests = sim.score.filter(
      (step) => step.kind === 'rest' && step.phase === 'work' && step.set === 2,
    );
    expect(rests.map((step) => step.durationMs)).toEqual([35_000, 10_000]);
    expect(spoken(rests)).toEqual(['Ten seconds.']);
    expect(spoken(sim.score)).toContain('Rest for 45 seconds.');
  });

  test('while paused: nothing is scheduled until the resume', () => {
    const paused = then(started(), { type: 'session.paused', at: T0 + 50_000 });
    expect(timelineOf(paused)).toEqual({ anchorAt: T0 + 50_000, steps: [], waitsFor: 'resume' });
  });

  test('after a resume: "welcome back" and a fresh count-in, from the rep that was next', () => {
    const threeDone = advance(lookup, started(), T0 + 55_000).state;
    const paused = then(threeDone, { type: 'session.paused', at: T0 + 55_500 });
    const resumed = then(paused, { type: 'session.resumed', at: T0 + 600_000 });
    const { anchorAt, steps } = timelineOf(resumed);
    expect(anchorAt).toBe(T0 + 600_000);
    expect(spoken(steps.slice(0, 3))).toEqual([
      'Welcome back. Picking up at squeeze 4.',
      'Ready.',
      '4',
    ]);
    expect(steps.find((step) => step.kind === 'squeeze')?.rep).toBe(4);
    expectContiguous(steps);
  });
});

describe('the end', () => {
  test.each([
    ['10:both', 'All sets done. Great work: your glutes did the job today.'],
    ['', 'Glutes can take a few sessions to wake up'],
    ['10:right', 'Your right glute woke up'],
    ['5:stop', 'Session stopped.'],
  ])('"%s" ends with a farewell that fits: %s', (script, words) => {
    const { state } = run(script);
    const timeline = timelineOf(state);
    expect(timeline.waitsFor).toBe('end');
    expect(kinds(timeline.steps)).toEqual(['farewell', 'end']);
    expect(timeline.steps[0]?.sounds[0]).toEqual({ kind: 'tone', tone: 'finish' });
    expect(spoken(timeline.steps)[0]).toContain(words);
  });

  test('a protocol with only work sets says "all sets done" and completes', () => {
    const { state } = run('', { protocol: protocolVariants['work-only'] });
    expect(state.position).toMatchObject({ kind: 'ended', outcome: 'completed' });
    expect(spoken(timelineOf(state).steps)).toEqual(['All sets done. Great work.']);
  });
});

test('before the start there is nothing to play', () => {
  expect(timelineOf(initialSessionState)).toEqual({ anchorAt: 0, steps: [], waitsFor: 'start' });
  const unknown = foldSession(lookupFor(protocolVariants['work-only']), [
    {
      type: 'session.started',
      at: T0,
      v: 1,
      sessionId: 'x',
      protocol: { id: 'nope', version: 1 },
      settings: {},
    },
  ]);
  expect(timelineOf(unknown).waitsFor).toBe('start');
  expect(unknown.ignoredEvents).toBe(1);
});
