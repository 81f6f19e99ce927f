// The protocol's words for a rep: bridges say "lift", lunges "lunge", and the
// tempo instruction is the protocol's own. Ankle squeezes, which have no
// wording, sound exactly as they always did.
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_WORDING,
  resolvePlan,
  wordingOf,
  type Simulation,
  type Sound,
} from '../src/index.js';
import { builtin, run, squeezes } from './helpers.js';

const bridge = builtin('glute-bridge');

const speech = (sim: Simulation) =>
  sim.score.flatMap((step) =>
    step.sounds.filter(
      (sound): sound is Extract<Sound, { kind: 'speech' }> => sound.kind === 'speech',
    ),
  );
const said = (sim: Simulation) => speech(sim).map((sound) => sound.text);

test('a protocol without wording uses the words of ankle squeezes', () => {
  expect(wordingOf(squeezes)).toEqual(DEFAULT_WORDING);
  expect(DEFAULT_WORDING).toEqual({
    rep: 'squeeze',
    instruction: 'Squeeze on the high tone, let go on the low tone.',
    squeezeLabel: 'Squeeze',
    releaseLabel: 'Release',
  });
  expect(resolvePlan(bridge, {}).wording).toEqual(bridge.wording);
});

test('ankle squeezes still open and resume with "squeeze"', () => {
  const sim = run('7:pause=1m 10:both');
  expect(said(sim)).toContain(
    'Squeeze on the high tone, let go on the low tone. Tell me whenever you feel it, and where.',
  );
  expect(said(sim)).toContain('Welcome back. Picking up at squeeze 8.');
});

describe('a bridge session', () => {
  const sim = run('5:hamstrings 7:pause=1m 10:both s2r4:pause=1m', { protocol: bridge });

  test('gives the bridge tempo instruction', () => {
    expect(said(sim)).toContain(
      'Lift your hips on the high tone, lower them slowly on the low tone. Tell me whenever you feel it, and where.',
    );
  });

  test('counts lifts when it picks up after a pause', () => {
    expect(said(sim)).toContain('Welcome back. Picking up at lift 8.');
    expect(said(sim)).toContain('Welcome back. Set 2, lift 5.');
  });

  test('never says "squeeze" in its own words (only a cue may)', () => {
    const ownWords = speech(sim).filter((sound) => sound.purpose !== 'cue');
    expect(ownWords.length).toBeGreaterThan(20);
    expect(ownWords.filter((sound) => /squeez/i.test(sound.text))).toEqual([]);
  });

  test('opens with its name and its own setup', () => {
    expect(said(sim).slice(0, 3)).toEqual([
      "Glute bridges. Let's get your glutes working.",
      'First, get into position.',
      'Lie on your back on the floor, arms resting by your sides.',
    ]);
  });
});

test('lunges count lunges', () => {
  const sim = run('3:pause=1m 6:both', { protocol: builtin('lunge') });
  expect(said(sim)).toContain('Welcome back. Picking up at lunge 4.');
});
