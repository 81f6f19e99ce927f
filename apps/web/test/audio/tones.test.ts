// The synthesised tones: each one recognisable by its shape, every note
// enveloped from silence to silence (no clicks), scheduled at the time asked,
// and cancellable until it starts.
import { describe, expect, it } from 'vitest';
import {
  ATTACK_SECONDS,
  scheduleTone,
  toneDurationSeconds,
  toneRecipes,
  type CueTone,
} from '../../src/audio/tones.js';
import { FakeAudioContext, FakeWallClock, type FakeOscillator } from './fake-audio-context.js';

function contextAt(seconds: number) {
  const context = new FakeAudioContext(new FakeWallClock(0));
  context.currentTime = seconds;
  return context;
}

function play(tone: CueTone, atSeconds: number, nowSeconds = 0) {
  const context = contextAt(nowSeconds);
  const handle = scheduleTone(
    context.asAudioContext(),
    context.destination as unknown as AudioNode,
    tone,
    atSeconds,
  );
  return { context, handle };
}

const pitches = (tone: CueTone) => toneRecipes[tone].map((note) => note.frequencyHz);
const envelopeEvents = (oscillator: FakeOscillator) => oscillator.envelopeOf()?.gain.events ?? [];

describe('the tones', () => {
  it('are told apart by shape: squeeze high, release low, ready a double blip, question rising, finish a chord', () => {
    expect(Math.min(...pitches('squeeze'))).toBeGreaterThan(Math.max(...pitches('release')));
    const [firstBlip, secondBlip] = toneRecipes.ready;
    expect(toneRecipes.ready).toHaveLength(2);
    expect(secondBlip!.offsetSeconds).toBeGreaterThan(
      firstBlip!.offsetSeconds + firstBlip!.durationSeconds,
    );
    expect(pitches('question')[1]).toBeGreaterThan(pitches('question')[0]!);
    expect(toneRecipes.finish.length).toBeGreaterThanOrEqual(3);
    expect(toneDurationSeconds('confirm')).toBeLessThan(0.06);
  });

  it.each(Object.keys(toneRecipes) as CueTone[])(
    '%s rises from silence and returns to it',
    (tone) => {
      const { context } = play(tone, 2);
      expect(context.oscillators).toHaveLength(toneRecipes[tone].length);
      for (const oscillator of context.oscillators) {
        const events = envelopeEvents(oscillator);
        const start = oscillator.startAt ?? NaN;
        expect(events[0]).toEqual({ kind: 'set', value: 0, time: start });
        expect(events[1]?.kind).toBe('ramp');
        expect(events[1]!.time - start).toBeCloseTo(ATTACK_SECONDS, 9);
        expect(events[events.length - 1]).toMatchObject({ kind: 'ramp', value: 0 });
        expect(oscillator.stopAt).toBeGreaterThan(events[events.length - 1]!.time);
      }
    },
  );

  it('starts at the audio time asked, and at once when that is already past', () => {
    expect(play('squeeze', 2.5).context.oscillators[0]?.startAt).toBe(2.5);
    expect(play('squeeze', 2.5, 2.51).context.oscillators[0]?.startAt).toBe(2.51);
  });

  it('is silenced entirely when cancelled before it starts', () => {
    const { context, handle } = play('finish', 3, 1);
    handle.cancel();
    expect(context.oscillators.every((oscillator) => !oscillator.sounds)).toBe(true);
  });

  it('plays on when cancelled after it started', () => {
    const { context, handle } = play('release', 3, 1);
    context.currentTime = 3.1;
    handle.cancel();
    expect(context.oscillators.every((oscillator) => oscillator.sounds)).toBe(true);
  });
});
