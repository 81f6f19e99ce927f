// `skipWakeUp`: a protocol run without its wake-up phase, as for the short
// block of ankle squeezes that starts a harder exercise. The plan has no
// wake-up, so the timeline, the transitions and the summary go straight to
// the work sets; `leadsInto` makes the farewell send the person on.
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SIMULATION_START as T0,
  foldSession,
  resolvePlan,
  simulateSession,
  summarize,
  timelineOf,
  type ProtocolLookup,
  type SessionSettings,
  type Simulation,
} from '../src/index.js';
import { builtin, lookup, protocolVariants, run, script, squeezes } from './helpers.js';

const block: SessionSettings = { skipWakeUp: true, sets: 1, repsPerSet: 20 };
const warmUp = { ...block, leadsInto: { id: 'glute-bridge', version: 1 } };

const said = (sim: Simulation) =>
  sim.score.flatMap((step) =>
    step.sounds.flatMap((sound) => (sound.kind === 'speech' ? [sound.text] : [])),
  );

test('resolvePlan leaves the wake-up out and keeps the work', () => {
  const plan = resolvePlan(squeezes, block);
  expect(plan.wakeUp).toBeNull();
  expect(plan.work).toMatchObject({ sets: 1, repsPerSet: 20 });
  expect(resolvePlan(squeezes, { skipWakeUp: false }).wakeUp).toEqual({
    checkInEveryReps: 10,
    capReps: 60,
  });
});

describe('a block of 20 ankle squeezes without the wake-up', () => {
  const sim = run('s1:both/even', { settings: block });

  test('does one set of 20 and completes, measuring no wake-up', () => {
    expect(sim.summary.outcome).toBe('completed');
    expect(sim.summary.wakeUp).toEqual({
      reps: 0,
      leftFiredAtRep: null,
      rightFiredAtRep: null,
      bothFiredAtRep: null,
    });
    expect(sim.summary.work).toEqual({ sets: [20], balance: ['even'], sides: [null] });
    expect(sim.events.some((e) => e.type === 'rep.completed' && e.phase === 'wake-up')).toBe(false);
    expect(sim.summary.checkIns.map((c) => [c.phase, c.set, c.rep, c.reason])).toEqual([
      ['work', 1, 20, 'set-end'],
    ]);
  });

  test('says how to squeeze and how many, never the wake-up lines', () => {
    const lines = said(sim);
    expect(lines).toContain('Squeeze on the high tone, let go on the low tone. One set of 20.');
    expect(lines).toContain('Ready.');
    expect(lines.join(' ')).not.toMatch(/Tell me whenever you feel it|lock it in|Both glutes/);
    expect(lines.at(-1)).toBe('All sets done. Great work.');
  });

  test('a glute named during the block does not count as fired', () => {
    const felt = run('s1r5:both', { settings: block });
    expect(felt.summary.reports[0]).toMatchObject({ phase: 'work', set: 1, rep: 5 });
    expect(felt.summary.wakeUp.leftFiredAtRep).toBeNull();
    expect(felt.summary.outcome).toBe('completed');
  });

  test('pauses and resumes in the work set, never in a wake-up', () => {
    const paused = run('s1r7:pause=2m', { settings: block });
    expect(said(paused)).toContain('Welcome back. Set 1, squeeze 8.');
    expect(paused.summary.work.sets).toEqual([20]);
  });
});

describe('leadsInto', () => {
  test('sends the person on to the named exercise when the block is done', () => {
    const sim = simulateSession({
      protocol: squeezes,
      script: script(''),
      settings: warmUp,
    });
    // The simulator only knows the protocol it runs, so the name is unknown.
    expect(said(sim).at(-1)).toBe(
      "Warm-up done. Get into position for the next exercise, then tap the big button when you're ready.",
    );
    expect(sim.state.plan?.leadsInto).toEqual({ id: 'glute-bridge', version: 1, name: null });
  });

  test('names the exercise when the lookup knows it, and replays the same way', () => {
    const { events } = run('', { settings: warmUp });
    const state = foldSession(lookup, events);
    const farewell = timelineOf(state).steps.flatMap((step) =>
      step.sounds.flatMap((sound) => (sound.kind === 'speech' ? [sound.text] : [])),
    );
    expect(farewell).toEqual([
      "Warm-up done. Get into position for glute bridges, then tap the big button when you're ready.",
    ]);
    expect(summarize(foldSession(lookup, events))).toEqual(summarize(state));
  });

  test('does not change the farewell of a block stopped early', () => {
    const sim = run('s1r3:stop', { settings: warmUp });
    expect(sim.summary.outcome).toBe('stopped');
    expect(said(sim).at(-1)).toBe('Session stopped. Thanks for practising.');
  });

  test('is looked up once, at the start', () => {
    const asked: string[] = [];
    const counting: ProtocolLookup = (id, version) => {
      asked.push(id);
      return lookup(id, version);
    };
    foldSession(counting, [
      {
        type: 'session.started',
        at: T0,
        v: 1,
        sessionId: 'warm-up',
        protocol: { id: squeezes.id, version: squeezes.version },
        settings: warmUp,
      },
    ]);
    expect(asked).toEqual(['prone-ankle-squeeze', 'glute-bridge']);
  });
});

test('a protocol with nothing but a wake-up ends at once, completed, when it is skipped', () => {
  const sim = run('10:both', { protocol: protocolVariants['wake-up-only'], settings: block });
  expect(sim.summary.outcome).toBe('completed');
  expect(sim.summary.wakeUp.reps).toBe(0);
  expect(sim.unusedActions).toHaveLength(1);
});

test('a harder rung can be run without its wake-up too', () => {
  const sim = run('s1:both/even s2:both/even s3:both/even', {
    protocol: builtin('glute-bridge'),
    settings: { skipWakeUp: true },
  });
  expect(sim.summary.outcome).toBe('completed');
  expect(sim.summary.work.sets).toEqual([12, 12, 12]);
  expect(said(sim)).toContain(
    'Lift your hips on the high tone, lower them slowly on the low tone. 3 sets of 12.',
  );
});
