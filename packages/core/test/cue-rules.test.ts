// The cue rules of the built-in protocol, one situation at a time: what the
// coach says after "thighs", "hamstrings", "low back", "nothing yet", one
// glute, and an uneven work set; plus the rule mechanics (once, caps,
// favoured cues, placeholders) and chooseCues called directly.
import { describe, expect, test } from 'vitest';
import {
  chooseCues,
  initialSessionState,
  resolvePlan,
  type NewReport,
  type Protocol,
  type Simulation,
} from '../src/index.js';
import { protocolCopy, run, squeezes } from './helpers.js';

/** The cue ids said after each wake-up check-in, by rep. */
function wakeUpCues(sim: Simulation): Record<number, string[]> {
  return Object.fromEntries(
    sim.summary.checkIns.filter((c) => c.phase === 'wake-up').map((c) => [c.rep, c.cues]),
  );
}

describe('what people feel first', () => {
  test('inner thighs: press with the inner heel, keep the ankle bones out of it, this is normal', () => {
    expect(wakeUpCues(run('10:thighs 20:both'))[10]).toEqual([
      'inner-heel',
      'not-ankle-bones',
      'expected-course',
    ]);
  });

  test('inner thighs again: adjust the pillow, within the cap of three cues', () => {
    expect(wakeUpCues(run('5:thighs 10:thighs 20:both'))[10]).toEqual([
      'pillow-shape',
      'inner-heel',
      'not-ankle-bones',
    ]);
    // A second check-in without a glute adds the fingertips, and the cap drops the last cue.
    expect(wakeUpCues(run('10:thighs 20:thighs 30:both'))[20]).toEqual([
      'fingertips',
      'pillow-shape',
      'inner-heel',
    ]);
  });

  test('hamstrings: keep the knees at 90 degrees and squeeze more lightly', () => {
    expect(wakeUpCues(run('10:hamstrings 20:both'))[10]).toEqual([
      'knees-at-90',
      'lighter-squeeze',
      'expected-course',
    ]);
  });

  test('low back: let the belly and hips sink', () => {
    expect(wakeUpCues(run('10:back 20:both'))[10]).toEqual(['belly-heavy']);
  });

  test('nothing yet: think of turning the thighs out; fingertips after two such check-ins', () => {
    const cues = wakeUpCues(run('30:both'));
    expect(cues[10]).toEqual(['turn-thighs-out', 'expected-course']);
    expect(cues[20]).toEqual(['fingertips', 'turn-thighs-out']);
  });

  test('"it is normal at first" is said once, and only up to rep 30', () => {
    const cues = Object.values(wakeUpCues(run('10:thighs 20:hamstrings 30:none 40:both')));
    expect(cues.flat().filter((id) => id === 'expected-course')).toHaveLength(1);
    expect(wakeUpCues(run('10:left 40:thighs 50:both'))[40]).not.toContain('expected-course');
  });

  test('"none" said with a region counts as that region only', () => {
    const sim = run('10:none,thighs 20:both');
    expect(sim.summary.checkIns[0]?.felt).toEqual(['thighs']);
    expect(sim.summary.checkIns[0]?.cues).toContain('inner-heel');
  });
});

describe('one glute, then an uneven set', () => {
  test('one glute only: the asymmetry cue names the awake side and the sleepy side', () => {
    const sim = run('10:right 20:both');
    const texts = sim.state.checkIns[0]?.cues.map((cue) => cue.text) ?? [];
    expect(texts).toEqual([
      'Your right glute is awake. Keep going and give the left side time to catch up.',
      'Rest your fingertips on your left glute, the sleepy one, and feel for it joining in.',
    ]);
  });

  test('once both glutes fired the asymmetry cue stops', () => {
    const sim = run('10:left 20:both s1:both/even');
    expect(sim.summary.checkIns.slice(1).flatMap((c) => c.cues)).not.toContain('asymmetry');
  });

  test('an uneven work set sends attention to the weaker glute; an even one says nothing', () => {
    const sim = run('10:both s1:both/right-stronger s2:both/even');
    const [set1, set2] = sim.state.checkIns.filter((c) => c.phase === 'work');
    expect(set1?.cues.map((c) => [c.cueId, c.text])).toEqual([
      ['weaker-side', 'On the next set, send a little more attention to your left glute.'],
      ['fingertips', squeezes.cues.find((c) => c.id === 'fingertips')?.text],
    ]);
    expect(set2?.cues).toEqual([]);
  });
});

describe('rule mechanics', () => {
  test('favoured cues move to the front of the response', () => {
    const sim = run('10:thighs 20:both', { settings: { favouredCues: ['expected-course'] } });
    expect(wakeUpCues(sim)[10]).toEqual(['expected-course', 'inner-heel', 'not-ankle-bones']);
  });

  test('the protocol caps how many cues one response has', () => {
    const terse: Protocol = { ...protocolCopy(), maxCuesPerResponse: 1 };
    expect(wakeUpCues(run('10:thighs 20:both', { protocol: terse }))[10]).toEqual(['inner-heel']);
  });

  test('rules are tried in the protocol order', () => {
    const reordered = protocolCopy();
    reordered.cueRules.reverse();
    expect(wakeUpCues(run('10:thighs 20:both', { protocol: reordered }))[10]).toEqual([
      'expected-course',
      'inner-heel',
      'not-ankle-bones',
    ]);
  });

  test('a spontaneous report gets cues too, and "got it" when no rule matches', () => {
    const sim = run('4:thighs 7:left 20:both');
    expect(sim.summary.reports[0]).toMatchObject({ rep: 4, source: 'spontaneous' });
    expect(sim.summary.reports[0]?.cues).toContain('inner-heel');
    expect(JSON.stringify(sim.score)).not.toContain('Got it.');
    const quiet = run('4:left,right', { protocol: { ...protocolCopy(), cueRules: [] } });
    expect(JSON.stringify(quiet.score)).toContain('Got it.');
  });
});

describe('chooseCues on its own', () => {
  const plan = resolvePlan(squeezes, {});
  const report: NewReport = {
    phase: 'wake-up',
    rep: 10,
    regions: ['thighs'],
    balance: null,
    source: 'check-in',
  };

  test('is a pure function: same inputs, same cues, inputs untouched', () => {
    const state = { ...initialSessionState, firedAtRep: { left: 10, right: null } };
    const frozen = JSON.stringify([state, report]);
    const first = chooseCues(plan, state, report);
    expect(chooseCues(plan, state, report)).toEqual(first);
    expect(JSON.stringify([state, report])).toBe(frozen);
    expect(first.map((c) => c.ruleId)).toEqual(['one-side-awake', 'one-side-awake', 'thighs']);
  });

  test('reads the report history: a second thighs report is "thighs again"', () => {
    const earlier = { ...report, at: 0, set: null, cues: [] };
    const state = { ...initialSessionState, reports: [earlier] };
    expect(chooseCues(plan, state, { ...report, rep: 20 }).map((c) => c.cueId)).toEqual([
      'pillow-shape',
      'inner-heel',
      'not-ankle-bones',
    ]);
  });

  test('leaves out a cue whose placeholder has no value, rather than saying a blank', () => {
    const state = { ...initialSessionState, firedAtRep: { left: 10, right: 12 } };
    const oddRule = protocolCopy();
    oddRule.cueRules.unshift({
      id: 'odd',
      when: { phase: 'wake-up' },
      say: ['asymmetry', 'inner-heel'],
    });
    const cues = chooseCues(resolvePlan(oddRule, {}), state, report);
    expect(cues.map((c) => c.cueId)).toEqual(['inner-heel', 'not-ankle-bones', 'expected-course']);
    expect(cues.every((c) => !c.text.includes('{'))).toBe(true);
  });
});
