// Programs a therapist assigns: adjustments written into the protocol, the
// program document's own checks, sessions that ran a program folding with
// that program's protocol (and only with it), and the therapist's early and
// held unlocks on the ladder.
import { describe, expect, it } from 'vitest';
import {
  foldSession,
  ladderStatus,
  lookupWithPrograms,
  programKey,
  standing,
  summarize,
  type ProgramDocument,
  type Protocol,
} from '../src/index.js';
import { adjustProtocol, buildProgram, validateProgram } from '../src/validation.js';
import { builtin, builtinProtocols, lookup, run, squeezes } from './helpers.js';
import { history } from './progress-helpers.js';

const fromBuiltin = { source: 'builtin', id: 'prone-ankle-squeeze', revision: 1 } as const;

function program(changes: Partial<Parameters<typeof buildProgram>[0]> = {}): ProgramDocument {
  const built = buildProgram({
    basedOn: fromBuiltin,
    base: squeezes,
    adjustments: {},
    favouredCues: [],
    unlocks: {},
    message: null,
    ...changes,
  });
  if (!built.ok) throw new Error(built.problems.join('; '));
  return built.value;
}

function adjusted(protocol: Protocol, adjustments: Parameters<typeof adjustProtocol>[1]) {
  const result = adjustProtocol(protocol, adjustments);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.value;
}

describe('adjusting a protocol', () => {
  it('writes hold, rest, check-ins, cap, sets and reps into the protocol itself', () => {
    const gentle = adjusted(squeezes, {
      holdMs: 1500,
      restBetweenSetsSeconds: 60,
      checkInEveryReps: 5,
      wakeUpCapReps: 40,
      sets: 2,
      repsPerSet: 15,
    });
    expect(gentle.tempo.holdMs).toBe(1500);
    expect(gentle.phases).toEqual([
      expect.objectContaining({ kind: 'wake-up', checkInEveryReps: 5, capReps: 40 }),
      expect.objectContaining({
        kind: 'work',
        sets: 2,
        repsPerSet: 15,
        restBetweenSetsSeconds: 60,
      }),
    ]);
    expect(gentle.id).toBe('prone-ankle-squeeze');
    expect(gentle.version).toBe(squeezes.version);
  });

  it('widens an adjustable range just enough for a value outside it', () => {
    const long = adjusted(squeezes, { holdMs: 3000, wakeUpCapReps: 10 });
    expect(long.adjustable.holdMs).toEqual({ min: 1000, max: 3000 });
    expect(long.adjustable.wakeUpCapReps).toEqual({ min: 10, max: 100 });
    expect(long.adjustable.checkInEveryReps).toEqual(squeezes.adjustable.checkInEveryReps);
  });

  it('changes nothing without adjustments, and never touches the protocol it was given', () => {
    const before = structuredClone(squeezes);
    expect(adjusted(squeezes, {})).toEqual(squeezes);
    adjusted(squeezes, { holdMs: 4000 });
    expect(squeezes).toEqual(before);
  });

  it('names the bad adjustment by its path', () => {
    expect(adjustProtocol(squeezes, { holdMs: 9000, sets: 0 })).toEqual({
      ok: false,
      problems: [
        'adjustments.holdMs must be a whole number between 500 and 5000',
        'adjustments.sets must be a whole number between 1 and 20',
      ],
    });
  });

  it('refuses wake-up adjustments for an exercise without a wake-up', () => {
    const bridge = builtin('glute-bridge');
    const hasWakeUp = bridge.phases.some((phase) => phase.kind === 'wake-up');
    const result = adjustProtocol(bridge, { wakeUpCapReps: 30 });
    expect(result.ok).toBe(hasWakeUp);
    if (!hasWakeUp) {
      expect(result).toEqual({
        ok: false,
        problems: ['adjustments.wakeUpCapReps cannot be set: Glute bridges has no wake-up phase'],
      });
    }
  });
});

describe('the program document', () => {
  it('accepts favoured cues of its protocol and keeps the message', () => {
    const doc = program({
      favouredCues: ['fingertips'],
      message: 'Fingertips on the right glute.',
    });
    expect(validateProgram(doc)).toEqual({ ok: true, value: doc });
  });

  it('refuses a favoured cue the protocol does not have, and a repeated one', () => {
    const result = buildProgram({
      basedOn: fromBuiltin,
      base: squeezes,
      adjustments: {},
      favouredCues: ['fingertips', 'levitate', 'fingertips'],
      unlocks: {},
      message: null,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'favouredCues[1] names a cue "levitate" that is not in the protocol\'s cues',
        'favouredCues[2] repeats the cue "fingertips"',
      ],
    });
  });

  it('refuses holding back the very exercise it assigns, and bad protocol fields by path', () => {
    const doc = program();
    const held = { ...doc, unlocks: { 'prone-ankle-squeeze': 'held' } };
    expect(validateProgram(held)).toEqual({
      ok: false,
      problems: [
        'unlocks.prone-ankle-squeeze must not hold back the exercise this program assigns',
      ],
    });
    const broken = {
      ...doc,
      protocol: { ...doc.protocol, tempo: { ...doc.protocol.tempo, holdMs: 1 } },
    };
    const result = validateProgram(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContain(
        'protocol.tempo.holdMs must be a whole number between 500 and 5000',
      );
    }
  });
});

describe('folding a session that ran a program', () => {
  const short = program({ adjustments: { wakeUpCapReps: 20, sets: 1 } });
  const ref = { id: 'client-1', version: 3 };
  const programs = new Map([[programKey(ref), short]]);
  const withPrograms = lookupWithPrograms(
    lookup,
    (r) => programs.get(programKey(r))?.protocol ?? null,
  );

  it('uses the program version’s protocol: the wake-up stops at its cap of 20', () => {
    const session = run('10:thighs 20:hamstrings', { protocol: short.protocol, program: ref });
    expect(session.summary.wakeUp.reps).toBe(20);
    const refolded = summarize(foldSession(withPrograms, session.events));
    expect(refolded).toEqual(session.summary);
    expect(refolded.program).toEqual(ref);
    // The built-in's cap is 60: folded with it, the same log would still be in its wake-up.
    expect(summarize(foldSession(lookup, session.events)).outcome).toBe('in-progress');
  });

  it('leaves a session unfolded when its program version is unknown, never guessing the built-in', () => {
    const session = run('10:thighs 20:both', {
      protocol: short.protocol,
      program: { ...ref, version: 4 },
    });
    const state = foldSession(withPrograms, session.events);
    expect(state.plan).toBeNull();
    expect(state.ignoredEvents).toBe(session.events.length);
  });

  it('keeps folding sessions without a program with the built-ins', () => {
    const session = run('10:thighs 20:hamstrings 30:left 38:both');
    expect(summarize(foldSession(withPrograms, session.events))).toEqual(session.summary);
  });

  it('says the favoured cue first when the program favours it', () => {
    const firstCues = (favouredCues: string[]) =>
      run('10:thighs 30:both', { settings: { favouredCues } }).summary.checkIns[0]?.cues;
    expect(firstCues([])).toEqual(['inner-heel', 'not-ankle-bones', 'expected-course']);
    expect(firstCues(['expected-course'])).toEqual([
      'expected-course',
      'inner-heel',
      'not-ankle-bones',
    ]);
  });
});

describe('the therapist’s unlocks on the ladder', () => {
  const TODAY = '2026-11-20';
  const ready = history(`
    11-08 L9 R9 even; 11-10 L9 R9 even; 11-12 L9 R9 even; 11-14 L9 R9 even
    11-16 L9 R9 even; 11-18 L9 R9 even; 11-20 L6 R7 even
  `);
  const stateOf = (rungs: ReturnType<typeof ladderStatus>, id: string) =>
    rungs.find((rung) => rung.protocol.id === id)?.state;

  it('opens bridges early for someone who just started', () => {
    const rungs = ladderStatus(builtinProtocols, [], TODAY, [], { 'glute-bridge': 'early' });
    expect(stateOf(rungs, 'glute-bridge')).toBe('unlocked-early');
    expect(rungs.find((r) => r.protocol.id === 'glute-bridge')?.therapist).toBe('early');
    expect(standing(rungs).current?.protocol.id).toBe('glute-bridge');
  });

  it('holds bridges back even when ready and unlocked by the person, and what follows stays locked', () => {
    const rungs = ladderStatus(
      builtinProtocols,
      ready,
      TODAY,
      [{ protocolId: 'glute-bridge', at: 0 }],
      { 'glute-bridge': 'held' },
    );
    expect(stateOf(rungs, 'glute-bridge')).toBe('held');
    expect(rungs.find((r) => r.protocol.id === 'glute-bridge')?.missing).toEqual([
      {
        kind: 'held',
        text: 'Your therapist would like you to stay with prone ankle squeezes for now',
      },
    ]);
    expect(stateOf(rungs, 'hip-thrust')).toBe('locked');
    expect(standing(rungs).current?.protocol.id).toBe('prone-ankle-squeeze');
  });

  it('changes nothing without unlocks', () => {
    expect(ladderStatus(builtinProtocols, ready, TODAY, [], {})).toEqual(
      ladderStatus(builtinProtocols, ready, TODAY),
    );
  });
});
