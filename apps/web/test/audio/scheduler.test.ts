// The lookahead scheduler against a fake audio clock: tones land at their
// exact audio times whatever the main thread does, replans cancel only what
// has not sounded, and a whole session sounds exactly like the simulator's score.
import { describe, expect, it } from 'vitest';
import { LookaheadScheduler, defaultSchedulerOptions } from '../../src/audio/scheduler.js';
import { FakeAudioWorld, RecordingSink, toneTimeline } from './fakes.js';
import { replay, scoredLines, scoredTones, simulate, timelineAfter } from './sessions.js';

const { tickMs, lookaheadMs, lateToleranceMs, speechLateToleranceMs } = defaultSchedulerOptions;
const ANCHOR = Date.UTC(2026, 0, 5, 8, 0, 0);
const AUDIO_EPSILON = 1e-9;

function setUp(startEpochMs = ANCHOR - 500) {
  const world = new FakeAudioWorld(startEpochMs);
  const sink = new RecordingSink(world);
  const scheduler = new LookaheadScheduler(world, sink, world.startInterval);
  return { world, sink, scheduler };
}

/** Epoch ms at which the fake hardware plays audio time `seconds`, to the ms. */
function epochOfAudio(world: FakeAudioWorld, seconds: number): number {
  return Math.round(world.epochAtAudioZero + seconds * 1000);
}

describe('a timeline from the engine', () => {
  const session = simulate('10:thighs 20:left,right s1:both/even');
  const firstTimeline = timelineAfter(session, 1);
  const toneSteps = firstTimeline.steps.flatMap((step) =>
    step.sounds.flatMap((sound) =>
      sound.kind === 'tone'
        ? [{ tone: sound.tone, atEpochMs: firstTimeline.anchorAt + step.startMs }]
        : [],
    ),
  );
  const end = toneSteps[toneSteps.length - 1]?.atEpochMs ?? ANCHOR;

  it('hands every tone to the audio clock at its exact audio time', () => {
    const { world, sink, scheduler } = setUp(firstTimeline.anchorAt - 500);
    scheduler.play(firstTimeline);
    world.runUntil(end + 1000);

    expect(toneSteps.length).toBeGreaterThan(20);
    expect(sink.tones.map((t) => t.tone)).toEqual(toneSteps.map((t) => t.tone));
    sink.tones.forEach((handed, index) => {
      const ideal = world.audioTimeOf(toneSteps[index]?.atEpochMs ?? NaN);
      expect(Math.abs(handed.atAudioSeconds - ideal)).toBeLessThan(AUDIO_EPSILON);
      expect(handed.cancelled).toBe(false);
    });
  });

  it('hands a tone over only once it is inside the lookahead window, and before it is due', () => {
    const { world, sink, scheduler } = setUp(firstTimeline.anchorAt - 500);
    scheduler.play(firstTimeline);
    const playedAt = world.audioNow();
    world.runUntil(end + 1000);

    for (const handed of sink.tones) {
      const ahead = handed.atAudioSeconds - handed.handedAtAudioSeconds;
      expect(ahead).toBeLessThanOrEqual(lookaheadMs / 1000 + AUDIO_EPSILON);
      expect(ahead).toBeGreaterThanOrEqual(0);
      if (handed.atAudioSeconds - playedAt > lookaheadMs / 1000) {
        expect(ahead).toBeGreaterThan((lookaheadMs - tickMs) / 1000 - AUDIO_EPSILON);
      }
    }
  });

  it('keeps every tone at its ideal time through 300 ms main-thread stalls', () => {
    const heardWith = (disturb: (world: FakeAudioWorld) => void) => {
      const { world, sink, scheduler } = setUp(firstTimeline.anchorAt - 500);
      scheduler.play(firstTimeline);
      while (world.epochNow() < end + 1000) disturb(world);
      return sink;
    };
    const calm = heardWith((world) => world.run(1000));
    const stalled = heardWith((world) => {
      world.run(237);
      world.stall(300);
    });

    expect(stalled.heardTones().map((t) => [t.tone, t.atAudioSeconds])).toEqual(
      calm.heardTones().map((t) => [t.tone, t.atAudioSeconds]),
    );
    for (const handed of stalled.tones) {
      expect(handed.handedAtAudioSeconds).toBeLessThanOrEqual(handed.atAudioSeconds);
    }
  });

  it('stops its timer once nothing is waiting', () => {
    const { world, scheduler } = setUp(firstTimeline.anchorAt - 500);
    scheduler.play(firstTimeline);
    expect(world.timerRunning).toBe(true);
    world.runUntil(firstTimeline.anchorAt + 600_000);
    expect(world.timerRunning).toBe(false);
  });
});

describe('a whole session replayed event by event, as the app plays it', () => {
  const scripts = [
    { timescale: 1, script: '10:thighs 20:left 30:left,right s1:both/even s2:pause=30s s3:both' },
    { timescale: 0.02, script: '10:thighs 20:left,right s1:both/even s2:silent s3:stop' },
  ];

  it.each(scripts)(
    'sounds exactly the simulator score at timescale $timescale',
    ({ timescale, script }) => {
      const session = simulate(script, { timescale });
      const { world, sink, scheduler } = setUp(session.events[0]!.at - 500);
      replay(session, world, scheduler);

      const heard = sink
        .heardTones()
        .map((t) => ({ tone: t.tone, atEpochMs: epochOfAudio(world, t.atAudioSeconds) }));
      expect(heard).toEqual(scoredTones(session));
      expect(sink.tones.filter((t) => t.cancelledTooLate)).toEqual([]);
      expect(
        sink.lines.map(({ text, dueAtEpochMs }) => ({ text, atEpochMs: dueAtEpochMs })),
      ).toEqual(scoredLines(session));
    },
  );

  it.each(scripts)(
    'starts each line within one tick of its time at timescale $timescale',
    ({ timescale, script }) => {
      const session = simulate(script, { timescale });
      const { world, sink, scheduler } = setUp(session.events[0]!.at - 500);
      replay(session, world, scheduler);

      expect(sink.lines.length).toBeGreaterThan(10);
      for (const line of sink.lines) {
        expect(line.saidAtEpochMs - line.dueAtEpochMs).toBeGreaterThanOrEqual(0);
        expect(line.saidAtEpochMs - line.dueAtEpochMs).toBeLessThanOrEqual(tickMs);
      }
    },
  );

  it('keeps the score through 300 ms stalls between events', () => {
    const session = simulate('10:thighs 20:left,right s1:both/even', {});
    const { world, sink, scheduler } = setUp(session.events[0]!.at - 500);
    replay(session, world, scheduler, (index) => {
      const next = session.events[index];
      if (next !== undefined && next.at - world.epochNow() > 1500) {
        world.run(900);
        world.stall(300);
      }
    });

    const heard = sink
      .heardTones()
      .map((t) => ({ tone: t.tone, atEpochMs: epochOfAudio(world, t.atAudioSeconds) }));
    expect(heard).toEqual(scoredTones(session));
  });
});

describe('replanning', () => {
  it('keeps the tones already handed over when the same timeline is played again', () => {
    const { world, sink, scheduler } = setUp();
    const timeline = toneTimeline(ANCHOR, '0:ready 2000:squeeze 2100:release 2300:squeeze');
    scheduler.play(timeline);
    world.runUntil(ANCHOR + 2050);
    scheduler.play(timeline);
    world.run(2000);

    expect(sink.tones.map((t) => t.tone)).toEqual(['ready', 'squeeze', 'release', 'squeeze']);
    expect(sink.tones.every((t) => !t.cancelled && !t.cancelledTooLate)).toBe(true);
  });

  it('cancels the tones not yet sounded and keeps those already heard', () => {
    const { world, sink, scheduler } = setUp();
    scheduler.play(
      toneTimeline(ANCHOR, '0:ready 2000:squeeze 2100:release 2300:squeeze 5000:release'),
    );
    world.runUntil(ANCHOR + 2050);
    scheduler.play(toneTimeline(ANCHOR, '3000:question'));
    world.run(2000);

    expect(sink.tones.map((t) => [t.tone, t.cancelled])).toEqual([
      ['ready', false],
      ['squeeze', false],
      ['release', true],
      ['squeeze', true],
      ['question', false],
    ]);
    expect(sink.tones.some((t) => t.cancelledTooLate)).toBe(false);
    expect(sink.heardTones().map((t) => epochOfAudio(world, t.atAudioSeconds) - ANCHOR)).toEqual([
      0, 2000, 3000,
    ]);
  });

  it('never repeats a tone that has started, even when replans flip back and forth', () => {
    const { world, sink, scheduler } = setUp();
    const withSqueeze = toneTimeline(ANCHOR, '0:squeeze 3000:release');
    scheduler.play(withSqueeze);
    world.runUntil(ANCHOR + 10);
    scheduler.play(toneTimeline(ANCHOR, '3000:release'));
    world.runUntil(ANCHOR + 15);
    scheduler.silence();
    scheduler.play(withSqueeze);
    world.run(4000);

    expect(sink.heardTones().map((t) => t.tone)).toEqual(['squeeze', 'release']);
  });

  it('skips steps already past when a timeline is played, but plays one less than a tick late', () => {
    const { world, sink, scheduler } = setUp();
    world.runUntil(ANCHOR + lateToleranceMs - 5);
    scheduler.play(toneTimeline(ANCHOR - 200, '0:ready 200:squeeze 1000:release'));
    world.run(2000);

    expect(
      sink.heardTones().map((t) => [t.tone, epochOfAudio(world, t.atAudioSeconds) - ANCHOR]),
    ).toEqual([
      ['squeeze', 0],
      ['release', 800],
    ]);
  });

  it('still says a reply planned just after its line was due (the answer was being saved)', () => {
    const { world, sink, scheduler } = setUp();
    world.runUntil(ANCHOR + 60);
    scheduler.play({
      anchorAt: ANCHOR,
      waitsFor: 'answer',
      steps: [
        {
          kind: 'speech',
          startMs: 0,
          durationMs: 3000,
          phase: 'wake-up',
          set: null,
          rep: 11,
          sounds: [{ kind: 'speech', text: 'Press with your inner heels.', purpose: 'cue' }],
        },
      ],
    });
    world.run(500);

    expect(sink.lines.map((line) => line.text)).toEqual(['Press with your inner heels.']);
    expect(sink.lines[0]!.saidAtEpochMs - ANCHOR).toBeLessThan(60 + 2 * tickMs);
  });

  it('silences everything not yet heard and hushes speech', () => {
    const { world, sink, scheduler } = setUp();
    scheduler.play(toneTimeline(ANCHOR, '0:ready 300:squeeze 3000:release'));
    world.runUntil(ANCHOR + 100);
    scheduler.silence();
    world.run(5000);

    expect(sink.heardTones().map((t) => t.tone)).toEqual(['ready']);
    expect(sink.hushes).toBe(1);
    expect(world.timerRunning).toBe(false);
  });
});

describe('a main thread stalled longer than the lookahead', () => {
  it('skips the tones fully past and keeps the others at their ideal times', () => {
    const { world, sink, scheduler } = setUp();
    scheduler.play(
      toneTimeline(ANCHOR, '0:ready 1000:squeeze 1985:release 2010:squeeze 2500:release'),
    );
    world.runUntil(ANCHOR + 100);
    world.stall(1900);
    world.run(1000);

    expect(
      sink.heardTones().map((t) => [t.tone, epochOfAudio(world, t.atAudioSeconds) - ANCHOR]),
    ).toEqual([
      ['ready', 0],
      ['release', 1985],
      ['squeeze', 2010],
      ['release', 2500],
    ]);
  });

  it('says a line that fell due during the stall right after it, and drops one too stale', () => {
    const { world, sink, scheduler } = setUp();
    const line = (text: string, startMs: number) => ({
      kind: 'speech' as const,
      startMs,
      durationMs: 0,
      phase: null,
      set: null,
      rep: null,
      sounds: [{ kind: 'speech' as const, text, purpose: 'cue' as const }],
    });
    scheduler.play({
      anchorAt: ANCHOR,
      steps: [line('stale', 100), line('late', speechLateToleranceMs + 100)],
      waitsFor: 'end',
    });
    world.runUntil(ANCHOR + 50);
    world.stall(speechLateToleranceMs + 300);
    world.run(tickMs);

    expect(sink.lines.map((l) => [l.text, l.saidAtEpochMs - ANCHOR])).toEqual([
      ['late', speechLateToleranceMs + 350],
    ]);
  });
});

describe('clock re-sync', () => {
  it('moves the waiting tones when the audio clock was suspended', () => {
    const { world, sink, scheduler } = setUp();
    scheduler.play(toneTimeline(ANCHOR, '0:ready 250:squeeze 3000:release 6000:squeeze'));
    world.runUntil(ANCHOR + 100);
    world.suspendAudio(500);
    world.run(7000);

    const heard = sink
      .heardTones()
      .map((t) => [t.tone, epochOfAudio(world, t.atAudioSeconds) - ANCHOR]);
    expect(heard.slice(-2)).toEqual([
      ['release', 3000],
      ['squeeze', 6000],
    ]);
  });

  it('keeps a handed-over tone at its audio time through a clock jump, and moves the rest', () => {
    const { world, sink, scheduler } = setUp();
    scheduler.play(toneTimeline(ANCHOR, '300:squeeze 3000:release'));
    world.runUntil(ANCHOR);
    const handedAt = sink.tones[0]?.atAudioSeconds;
    world.suspendAudio(350);
    world.run(4000);

    expect(sink.heardTones().map((t) => t.tone)).toEqual(['squeeze', 'release']);
    expect(sink.heardTones()[0]?.atAudioSeconds).toBe(handedAt);
    expect(epochOfAudio(world, sink.heardTones()[1]!.atAudioSeconds)).toBe(ANCHOR + 3000);
    expect(scheduler.counters).toMatchObject({ resyncs: 1, tonesSkipped: 0 });
  });

  it('after a suspension, takes back a handed-over tone that is now stale', () => {
    const { world, sink, scheduler } = setUp();
    scheduler.play(toneTimeline(ANCHOR, '300:squeeze 3000:release'));
    world.runUntil(ANCHOR);
    world.suspendAudio(2000);
    scheduler.resync();
    world.run(2000);

    expect(
      sink.heardTones().map((t) => [t.tone, epochOfAudio(world, t.atAudioSeconds) - ANCHOR]),
    ).toEqual([['release', 3000]]);
    expect(scheduler.counters).toMatchObject({ resyncs: 1, tonesSkipped: 1 });
  });

  it('re-reads both clocks at once when asked', () => {
    const { world, sink, scheduler } = setUp();
    scheduler.play(toneTimeline(ANCHOR, '1000:squeeze'));
    world.runUntil(ANCHOR + 700);
    world.suspendAudio(200);
    scheduler.resync();
    world.run(2000);

    expect(sink.heardTones().map((t) => epochOfAudio(world, t.atAudioSeconds) - ANCHOR)).toEqual([
      1000,
    ]);
  });
});
