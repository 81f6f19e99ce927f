// Properties of the scheduler under arbitrary main-thread weather, seeded so
// every run is the same: stalls shorter than the lookahead never move or lose
// a tone, and replaying the same timeline at arbitrary moments never doubles
// or cancels one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LookaheadScheduler, defaultSchedulerOptions } from '../../src/audio/scheduler.js';
import { FakeAudioWorld, RecordingSink } from './fakes.js';
import { simulate, timelineAfter } from './sessions.js';

const SEED = 20_260_105;
const session = simulate('10:thighs 20:left,right');
const timeline = timelineAfter(session, 1);
const lastStep = timeline.steps[timeline.steps.length - 1];
const end = timeline.anchorAt + (lastStep ? lastStep.startMs : 0) + 1000;
const longestHarmlessStallMs =
  defaultSchedulerOptions.lookaheadMs - 2 * defaultSchedulerOptions.tickMs;

const weather = fc.array(
  fc.record({
    runMs: fc.integer({ min: 1, max: 3000 }),
    stallMs: fc.integer({ min: 0, max: longestHarmlessStallMs }),
    replay: fc.boolean(),
  }),
  { minLength: 1, maxLength: 80 },
);

function playThrough(
  moments: { runMs: number; stallMs: number; replay: boolean }[],
): RecordingSink {
  const world = new FakeAudioWorld(timeline.anchorAt - 500);
  const sink = new RecordingSink(world);
  const scheduler = new LookaheadScheduler(world, sink, world.startInterval);
  scheduler.play(timeline);
  for (let i = 0; world.epochNow() < end; i++) {
    const moment = moments[i % moments.length];
    if (moment === undefined) break;
    world.run(moment.runMs);
    world.stall(moment.stallMs);
    if (moment.replay) scheduler.play(timeline);
  }
  world.runUntil(end + 1000);
  return sink;
}

const heard = (sink: RecordingSink) =>
  sink.tones.map(({ tone, atAudioSeconds, cancelled, cancelledTooLate }) => ({
    tone,
    atAudioSeconds,
    cancelled,
    cancelledTooLate,
  }));
const calm = heard(playThrough([{ runMs: 1000, stallMs: 0, replay: false }]));

describe('the scheduler under arbitrary stalls and replays', () => {
  it('hands each tone over once, ahead of time, at its ideal audio time', () => {
    fc.assert(
      fc.property(weather, (moments) => {
        const sink = playThrough(moments);
        expect(heard(sink)).toEqual(calm);
        for (const tone of sink.tones)
          expect(tone.handedAtAudioSeconds).toBeLessThanOrEqual(tone.atAudioSeconds);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
