// The web CuePlayer wired to fakes: tones on the audio clock at the times its
// own `now()` implies, a timeline that waits for unlock, a monotonic clock,
// speech only with a voice, and a silent but working player without audio.
import { describe, expect, it } from 'vitest';
import type { StartInterval } from '../../src/audio/scheduler.js';
import {
  createCuePlayer,
  createSilentCuePlayer,
  type CuePlayerEnvironment,
} from '../../src/audio/web-cue-player.js';
import { FakeAudioContext, FakeWallClock } from './fake-audio-context.js';
import { platformWith, voice } from './fake-speech.js';
import { toneTimeline } from './fakes.js';

const EPOCH_ORIGIN = Date.UTC(2026, 0, 5, 8, 0, 0);
const options = { volume: 0.8, voiceEnabled: true, voiceUri: null };

function setUp(withAudio = true, voices: SpeechSynthesisVoice[] = []) {
  const wall = new FakeWallClock(EPOCH_ORIGIN);
  const context = new FakeAudioContext(wall);
  let tick: (() => void) | null = null;
  const startInterval: StartInterval = (callback) => {
    tick = callback;
    return () => {
      if (tick === callback) tick = null;
    };
  };
  const { synthesis, platform } = platformWith(voices);
  const environment: CuePlayerEnvironment = {
    createAudioContext: withAudio ? () => context.asAudioContext() : null,
    speech: platform,
    wallClock: wall,
    startInterval,
  };
  const player = createCuePlayer(options, environment);
  /** Lets `ms` pass in 25 ms ticks. */
  const run = (ms: number) => {
    for (let elapsed = 0; elapsed < ms; elapsed += 25) {
      context.advance(25);
      tick?.();
    }
  };
  return { wall, context, player, run, synthesis };
}

const soundingStarts = (context: FakeAudioContext) =>
  context.oscillators.filter((o) => o.sounds).map((o) => o.startAt ?? NaN);

describe('createCuePlayer', () => {
  it('schedules a tone at the audio time matching its epoch time on the player clock', async () => {
    const { context, player, run } = setUp();
    await player.unlock();
    run(100);
    const anchor = player.now();
    const audioAtAnchor = context.currentTime;
    player.play(toneTimeline(anchor, '1000:squeeze 2000:release'));
    run(3000);

    const starts = soundingStarts(context);
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBeCloseTo(audioAtAnchor + 1, 6);
    expect(starts[1]).toBeCloseTo(audioAtAnchor + 2, 6);
  });

  it('keeps a timeline played before unlock and starts it then, skipping what is past', async () => {
    const { wall, context, player, run } = setUp();
    const anchor = player.now();
    player.play(toneTimeline(anchor, '0:ready 3000:squeeze'));
    wall.nowMs += 500;
    await player.unlock();
    run(4000);

    expect(context.oscillators.filter((o) => o.sounds)).toHaveLength(1);
  });

  it('never lets its clock go backwards, across unlock too', async () => {
    const { wall, player, run } = setUp();
    const readings = [player.now()];
    wall.nowMs += 10;
    readings.push(player.now());
    await player.unlock();
    for (let i = 0; i < 20; i++) {
      run(25);
      readings.push(player.now());
    }
    const sorted = [...readings].sort((a, b) => a - b);
    expect(readings).toEqual(sorted);
    expect(readings[0]).toBe(EPOCH_ORIGIN + 1000);
  });

  it('silences what is scheduled', async () => {
    const { context, player, run } = setUp();
    await player.unlock();
    player.play(toneTimeline(player.now(), '200:squeeze 300:release'));
    player.silence();
    run(1000);
    expect(soundingStarts(context)).toEqual([]);
  });

  it('plays a confirmation at once', async () => {
    const { context, player } = setUp();
    await player.unlock();
    player.confirm();
    expect(soundingStarts(context)).toEqual([context.currentTime]);
  });

  it('cannot speak without a voice, and keeps time without audio', async () => {
    const { wall, player, run } = setUp(false);
    await player.unlock();
    player.play(toneTimeline(player.now(), '0:squeeze'));
    player.sayNow('Hello');
    run(100);
    expect(player.canSpeak()).toBe(false);
    expect(player.voices()).toEqual([]);
    expect(player.now()).toBe(EPOCH_ORIGIN + wall.nowMs);
    player.dispose();
  });
});

describe('speech in the CuePlayer', () => {
  const line = (anchorAt: number, text: string, startMs: number) => ({
    anchorAt,
    steps: [
      {
        kind: 'speech' as const,
        startMs,
        durationMs: 1000,
        phase: null,
        set: null,
        rep: null,
        sounds: [{ kind: 'speech' as const, text, purpose: 'cue' as const }],
      },
    ],
    waitsFor: 'end' as const,
  });
  const said = (synthesis: { spoken: { text: string }[] }) =>
    synthesis.spoken.map((u) => u.text).filter((text) => text !== '');

  it('says a timeline line on time with a local English voice', async () => {
    const { player, run, synthesis } = setUp(true, [voice('Daniel', 'en-GB')]);
    await player.unlock();
    player.play(line(player.now(), 'Press with your heels', 500));
    run(475);
    expect(said(synthesis)).toEqual([]);
    run(50);
    expect(said(synthesis)).toEqual(['Press with your heels']);
    expect(player.canSpeak()).toBe(true);
  });

  it('keeps quiet when the voice is turned off', async () => {
    const { player, run, synthesis } = setUp(true, [voice('Daniel', 'en-GB')]);
    await player.unlock();
    player.setOptions({ voiceEnabled: false });
    player.play(line(player.now(), 'Press with your heels', 100));
    player.sayNow('Hello');
    run(500);
    expect(said(synthesis)).toEqual([]);
    expect(player.canSpeak()).toBe(false);
  });
});

describe('createSilentCuePlayer', () => {
  it('keeps time and makes no sound', async () => {
    const wall = new FakeWallClock(EPOCH_ORIGIN, 50);
    const player = createSilentCuePlayer(wall);
    await player.unlock();
    player.play(toneTimeline(0, '0:squeeze'));
    expect(player.now()).toBe(EPOCH_ORIGIN + 50);
    expect(player.canSpeak()).toBe(false);
  });
});
