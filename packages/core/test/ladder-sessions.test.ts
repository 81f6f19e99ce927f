// Every rung of the ladder runs end to end on the engine, and keeps what makes
// progress measurable: the rep at which each glute fired in the wake-up, and
// the balance after each work set. A pre-activation block is a session of its
// own that measures nothing, so it never counts as a wake-up.
import { describe, expect, test } from 'vitest';
import { builtinProtocols, practiceRecordOf, resolvePlan, type Protocol } from '../src/index.js';
import { builtin, run } from './helpers.js';

function everyOf(protocol: Protocol): number {
  return resolvePlan(protocol, {}).wakeUp?.checkInEveryReps ?? 0;
}

describe.each(builtinProtocols.map((protocol) => [protocol.id, protocol] as const))(
  '%s',
  (_, protocol) => {
    const every = everyOf(protocol);
    const plan = resolvePlan(protocol, {});
    const sim = run(`${every}:left ${2 * every}:right s1:both/even`, { protocol });

    test('measures when each glute fired, then does every work set', () => {
      expect(sim.summary.outcome).toBe('activated');
      expect(sim.summary.wakeUp).toMatchObject({
        leftFiredAtRep: every,
        rightFiredAtRep: 2 * every,
        bothFiredAtRep: 2 * every,
      });
      expect(sim.summary.work.sets).toEqual(
        Array<number>(plan.work?.sets ?? 0).fill(plan.work?.repsPerSet ?? 0),
      );
      expect(sim.summary.work.balance.every((balance) => balance === 'even')).toBe(true);
      expect(sim.summary.ignoredEvents).toBe(0);
      expect(sim.unusedActions).toEqual([]);
    });

    test('gives the one-side cue while only one glute has fired', () => {
      const cues = sim.summary.checkIns[0]?.cues ?? [];
      expect(cues.slice(0, 2)).toEqual(['asymmetry', 'fingertips-sleepy-side']);
    });

    test('ends with one side at the cap when the other never joins', () => {
      const oneSide = run(`${every}:right`, { protocol });
      expect(oneSide.summary.outcome).toBe('one-side');
      expect(oneSide.summary.wakeUp.reps).toBe(plan.wakeUp?.capReps);
    });
  },
);

test('bridges: "10:thighs 20:left 25:right" fires the left at 20 and the right at the cap', () => {
  const sim = run('10:thighs 20:left 25:right', { protocol: builtin('glute-bridge') });
  expect(sim.summary.wakeUp).toEqual({
    reps: 25,
    leftFiredAtRep: 20,
    rightFiredAtRep: 25,
    bothFiredAtRep: 25,
  });
  expect(sim.summary.checkIns.map((c) => [c.rep, c.reason]).slice(0, 5)).toEqual([
    [5, 'interval'],
    [10, 'interval'],
    [15, 'interval'],
    [20, 'interval'],
    [25, 'cap'],
  ]);
  // Rep 5 got the default answer ("nothing yet"), so rep 10 is the second check-in without a glute.
  expect(sim.summary.checkIns[0]?.felt).toEqual(['none']);
  expect(sim.summary.checkIns[1]?.cues).toEqual([
    'fingertips',
    'like-ankle-squeezes',
    'feet-further',
  ]);
  expect(sim.summary.outcome).toBe('activated');
  expect(sim.summary.work.sets).toEqual([12, 12, 12]);
});

test('a pre-activation block and the session after it: only the second is measured', () => {
  const bridge = builtin('glute-bridge');
  const reps = bridge.preActivation?.reps ?? 0;
  const warmUp = run('s1:both/even', {
    settings: {
      skipWakeUp: true,
      sets: 1,
      repsPerSet: reps,
      leadsInto: { id: bridge.id, version: bridge.version },
    },
    sessionId: 'warm-up',
  });
  const main = run('5:both', { protocol: bridge, sessionId: 'bridge' });
  const day = '2026-01-05';
  expect(warmUp.summary.work.sets).toEqual([20]);
  expect(practiceRecordOf(warmUp.summary, day)).toMatchObject({
    protocolId: 'prone-ankle-squeeze',
    measured: false,
    outcome: 'completed',
  });
  expect(practiceRecordOf(main.summary, day)).toMatchObject({
    protocolId: 'glute-bridge',
    measured: true,
    leftFiredAtRep: 5,
    rightFiredAtRep: 5,
  });
});
