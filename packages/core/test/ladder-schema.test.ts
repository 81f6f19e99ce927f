// The protocol fields the progression ladder added (readiness, preActivation,
// perSide, wording), each checked in plain words, and the built-in ladder
// itself: five rungs in order, each after the one before, each keeping a
// wake-up phase so the rep at which each glute fired stays measurable.
import { describe, expect, test } from 'vitest';
import { builtinProtocols, findBuiltinProtocol, ladderOrder, type Protocol } from '../src/index.js';
import { protocolJsonSchema, validateProtocol } from '../src/validation.js';

const LADDER = ['prone-ankle-squeeze', 'glute-bridge', 'hip-thrust', 'bodyweight-squat', 'lunge'];

function builtin(id: string): Protocol {
  const found = findBuiltinProtocol(id);
  if (found === null) throw new Error(`the built-in ${id} protocol is missing`);
  return found;
}

function problemsOf(id: string, change: (p: Record<string, unknown> & Protocol) => void) {
  const copy = structuredClone(builtin(id)) as Record<string, unknown> & Protocol;
  change(copy);
  const result = validateProtocol(copy);
  return result.ok ? [] : result.problems;
}

describe('readiness', () => {
  test('is optional: ankle squeezes, the first rung, have none', () => {
    expect(builtin('prone-ankle-squeeze').readiness).toBeUndefined();
    expect(problemsOf('glute-bridge', (p) => delete p.readiness)).toEqual([]);
  });

  test('must not name the protocol itself', () => {
    expect(
      problemsOf('glute-bridge', (p) => Object.assign(p.readiness ?? {}, { after: p.id })),
    ).toEqual([
      'readiness.after must name the exercise before this one, not "glute-bridge" itself',
    ]);
  });

  test('names its bad fields in plain words', () => {
    expect(
      problemsOf('glute-bridge', (p) =>
        Object.assign(p.readiness ?? {}, { minPracticeDays: 0, evenBalance: 'yes' }),
      ),
    ).toEqual([
      'readiness.minPracticeDays must be a whole number between 1 and 90',
      'readiness.evenBalance must be true or false',
    ]);
    expect(
      problemsOf('glute-bridge', (p) => Object.assign(p, { readiness: { after: 'Ankle' } })),
    ).toEqual([
      'readiness.after must be lowercase letters, digits and single dashes (like "inner-heel")',
      'readiness.minPracticeDays is required',
      'readiness.withinDays is required',
      'readiness.recentSessions is required',
      'readiness.bothFiredWithinReps is required',
      'readiness.evenBalance is required',
    ]);
    expect(
      problemsOf('glute-bridge', (p) => Object.assign(p.readiness ?? {}, { days: 3 })),
    ).toEqual(['readiness has an unknown field "days"']);
  });
});

describe('preActivation', () => {
  test('names another protocol and a short block of reps', () => {
    expect(
      problemsOf('hip-thrust', (p) =>
        Object.assign(p, { preActivation: { protocol: p.id, reps: 20 } }),
      ),
    ).toEqual(['preActivation.protocol must name another protocol, not "hip-thrust" itself']);
    for (const reps of [4, 61, 12.5]) {
      expect(
        problemsOf('hip-thrust', (p) => Object.assign(p.preActivation ?? {}, { reps })),
      ).toEqual(['preActivation.reps must be a whole number between 5 and 60']);
    }
    expect(
      problemsOf('hip-thrust', (p) => Object.assign(p, { preActivation: { reps: 20 } })),
    ).toEqual(['preActivation.protocol is required']);
  });

  test('is optional', () => {
    expect(problemsOf('hip-thrust', (p) => delete p.preActivation)).toEqual([]);
  });
});

describe('perSide', () => {
  test('is true or false, on the work phase only', () => {
    expect(
      problemsOf('lunge', (p) => Object.assign(p.phases[1] ?? {}, { perSide: 'yes' })),
    ).toEqual(['phases[1].perSide must be true or false']);
    expect(problemsOf('lunge', (p) => Object.assign(p.phases[0] ?? {}, { perSide: true }))).toEqual(
      ['phases[0] has an unknown field "perSide"'],
    );
  });
});

describe('wording', () => {
  test('says a rep in lowercase words, with an instruction and two step labels', () => {
    expect(
      problemsOf('glute-bridge', (p) => Object.assign(p.wording ?? {}, { rep: 'Lift!' })),
    ).toEqual(['wording.rep must be lowercase words, like "lift"']);
    expect(
      problemsOf('glute-bridge', (p) =>
        Object.assign(p, { wording: { rep: 'lift', squeezeLabel: 'Lift', releaseLabel: '' } }),
      ),
    ).toEqual(['wording.instruction is required', 'wording.releaseLabel must not be empty']);
    expect(
      problemsOf('glute-bridge', (p) =>
        Object.assign(p.wording ?? {}, { squeezeLabel: 'x'.repeat(25) }),
      ),
    ).toEqual(['wording.squeezeLabel must be at most 24 characters']);
  });

  test('is optional, and ankle squeezes have none', () => {
    expect(builtin('prone-ankle-squeeze').wording).toBeUndefined();
    expect(problemsOf('glute-bridge', (p) => delete p.wording)).toEqual([]);
  });
});

test('the JSON Schema for editors knows the new fields', () => {
  const schema = protocolJsonSchema() as { properties?: Record<string, unknown> };
  expect(Object.keys(schema.properties ?? {})).toEqual(
    expect.arrayContaining(['wording', 'readiness', 'preActivation']),
  );
});

describe('the built-in ladder', () => {
  test('ships its five rungs in ladder order, each ready after the one before', () => {
    expect(builtinProtocols.map((p) => p.id)).toEqual(LADDER);
    expect(ladderOrder(builtinProtocols).map((p) => p.id)).toEqual(LADDER);
    builtinProtocols.forEach((protocol, index) => {
      expect(protocol.readiness?.after).toBe(index === 0 ? undefined : LADDER[index - 1]);
    });
  });

  test('bridges keep the agreed readiness rule', () => {
    expect(builtin('glute-bridge').readiness).toEqual({
      after: 'prone-ankle-squeeze',
      minPracticeDays: 7,
      withinDays: 14,
      recentSessions: 3,
      bothFiredWithinReps: 10,
      evenBalance: true,
    });
  });

  test.each(LADDER.slice(1))(
    '%s: the rule asks for both glutes by the first check-in below',
    (id) => {
      const rule = builtin(id).readiness;
      const below = builtin(rule?.after ?? '');
      const wakeUp = below.phases.find((phase) => phase.kind === 'wake-up');
      expect(rule?.bothFiredWithinReps).toBe(wakeUp?.kind === 'wake-up' && wakeUp.checkInEveryReps);
      expect(rule?.minPracticeDays).toBeLessThanOrEqual(rule?.withinDays ?? 0);
    },
  );

  test.each(LADDER.slice(1))(
    '%s: starts with ankle squeezes, then finds the glutes, then works',
    (id) => {
      const protocol = builtin(id);
      expect(protocol.preActivation?.protocol).toBe('prone-ankle-squeeze');
      const before = builtin(protocol.preActivation?.protocol ?? '');
      expect(before.phases.some((phase) => phase.kind === 'work')).toBe(true);
      expect(protocol.phases.map((phase) => phase.kind)).toEqual(['wake-up', 'work']);
      const wakeUp = protocol.phases[0];
      if (wakeUp?.kind !== 'wake-up') throw new Error('no wake-up phase');
      expect(wakeUp.name).toBe('Find your glutes');
      expect(wakeUp.capReps).toBeGreaterThanOrEqual(20);
      expect(wakeUp.capReps).toBeLessThanOrEqual(30);
      expect(protocol.wording).toBeDefined();
      expect(protocol.safety[0]).toMatch(/^Stop at once if you feel sharp pain\./);
      expect(protocol.checkIns.regions.map((region) => region.id)).toEqual([
        'thighs',
        'hamstrings',
        'back',
        'left',
        'right',
        'none',
      ]);
    },
  );

  test('only lunges are single-leg work', () => {
    const perSide = builtinProtocols
      .filter((p) => p.phases.some((phase) => phase.kind === 'work' && phase.perSide === true))
      .map((p) => p.id);
    expect(perSide).toEqual(['lunge']);
  });

  test('speaks in its own words: no rung but the first says "squeeze" for a rep', () => {
    for (const protocol of builtinProtocols.slice(1)) {
      const words = protocol.wording;
      expect(words?.rep).not.toMatch(/squeeze/);
      expect(words?.instruction).not.toMatch(/squeeze on the high tone/i);
    }
  });
});
