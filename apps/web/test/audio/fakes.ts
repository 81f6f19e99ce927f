// Fakes for the audio tests: a world with an audio clock, an epoch clock and
// an interval timer that only move when a test says so (including main-thread
// stalls, during which no tick fires), and a sink that records every tone and
// line it is handed, with when it was handed over and whether it was
// cancelled in time. Time is kept in whole milliseconds to avoid float drift.
import type { Timeline, TimelineStep, Tone } from '@glutewake/core';
import type {
  CueHandle,
  CueSink,
  SchedulerClock,
  StartInterval,
} from '../../src/audio/scheduler.js';

interface RunningTimer {
  tick: () => void;
  periodMs: number;
  nextFireMs: number;
}

export class FakeAudioWorld implements SchedulerClock {
  /** Milliseconds since the world began; the audio clock starts at `audioStartSeconds`. */
  private elapsedMs = 0;
  private timer: RunningTimer | null = null;
  /** Epoch ms at audio time 0; moves when the audio clock is suspended. */
  epochAtAudioZero: number;

  constructor(
    epochStartMs: number,
    readonly audioStartSeconds = 3,
  ) {
    this.epochAtAudioZero = epochStartMs - audioStartSeconds * 1000;
  }

  audioNow(): number {
    return this.audioStartSeconds + this.elapsedMs / 1000;
  }

  epochNow(): number {
    return this.epochAtAudioZero + this.audioStartSeconds * 1000 + this.elapsedMs;
  }

  /** The audio time of an epoch instant, as the audio hardware sees it. */
  audioTimeOf(epochMs: number): number {
    return (epochMs - this.epochAtAudioZero) / 1000;
  }

  readonly startInterval: StartInterval = (tick, periodMs) => {
    const timer: RunningTimer = { tick, periodMs, nextFireMs: this.elapsedMs + periodMs };
    this.timer = timer;
    return () => {
      if (this.timer === timer) this.timer = null;
    };
  };

  get timerRunning(): boolean {
    return this.timer !== null;
  }

  /** Lets time pass up to (not including) `epochMs`, firing the timer on its period. */
  runUntil(epochMs: number): void {
    const targetMs = this.elapsedMs + (epochMs - this.epochNow());
    for (
      let timer = this.timer;
      timer !== null && timer.nextFireMs < targetMs;
      timer = this.timer
    ) {
      this.elapsedMs = Math.max(this.elapsedMs, timer.nextFireMs);
      timer.nextFireMs = this.elapsedMs + timer.periodMs;
      timer.tick();
    }
    this.elapsedMs = Math.max(this.elapsedMs, targetMs);
  }

  run(ms: number): void {
    this.runUntil(this.epochNow() + ms);
  }

  /** The main thread is busy: time passes and no tick fires; the missed tick fires right after. */
  stall(ms: number): void {
    this.elapsedMs += ms;
    if (this.timer !== null && this.timer.nextFireMs < this.elapsedMs) {
      this.timer.nextFireMs = this.elapsedMs;
    }
  }

  /** The audio clock stops for `ms` (an interrupted context) while the wall clock runs on. */
  suspendAudio(ms: number): void {
    this.epochAtAudioZero += ms;
  }
}

export interface HandedTone {
  tone: Tone;
  atAudioSeconds: number;
  handedAtAudioSeconds: number;
  cancelled: boolean;
  /** A cancel that came after the tone had started (it would not have worked). */
  cancelledTooLate: boolean;
}

export interface SaidLine {
  text: string;
  dueAtEpochMs: number;
  saidAtEpochMs: number;
}

export class RecordingSink implements CueSink {
  readonly tones: HandedTone[] = [];
  readonly lines: SaidLine[] = [];
  hushes = 0;

  constructor(private readonly world: FakeAudioWorld) {}

  tone(tone: Tone, atAudioSeconds: number): CueHandle {
    const handed: HandedTone = {
      tone,
      atAudioSeconds,
      handedAtAudioSeconds: this.world.audioNow(),
      cancelled: false,
      cancelledTooLate: false,
    };
    this.tones.push(handed);
    return {
      cancel: () => {
        if (this.world.audioNow() > atAudioSeconds) handed.cancelledTooLate = true;
        else handed.cancelled = true;
      },
    };
  }

  speak(text: string, dueAtEpochMs: number): CueHandle {
    this.lines.push({ text, dueAtEpochMs, saidAtEpochMs: this.world.epochNow() });
    return { cancel() {} };
  }

  hush(): void {
    this.hushes++;
  }

  /** The tones that sound: handed over and not cancelled in time. */
  heardTones(): HandedTone[] {
    return this.tones.filter((tone) => !tone.cancelled);
  }
}

/**
 * A timeline of tones written as "<offset ms>:<tone>", e.g.
 * "0:ready 2000:squeeze 4600:release".
 */
export function toneTimeline(anchorAt: number, score: string): Timeline {
  const steps: TimelineStep[] = score
    .trim()
    .split(/\s+/)
    .map((token) => {
      const [offset = '', tone = ''] = token.split(':');
      if (!isTone(tone)) throw new Error(`bad tone "${tone}" in "${token}"`);
      return {
        kind: 'speech',
        startMs: Number(offset),
        durationMs: 0,
        phase: null,
        set: null,
        rep: null,
        sounds: [{ kind: 'tone', tone }],
      };
    });
  return { anchorAt, steps, waitsFor: 'end' };
}

const TONES: readonly string[] = ['ready', 'squeeze', 'release', 'question', 'finish'];

function isTone(name: string): name is Tone {
  return TONES.includes(name);
}
