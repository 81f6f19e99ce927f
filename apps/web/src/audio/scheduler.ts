// The lookahead scheduler ("A Tale of Two Clocks"): a coarse, jittery timer on
// the main thread hands sounds to the precise audio clock a little ahead of
// time, so a busy main thread delays the hand-over, never the sound.
// Invariants:
// - a tone is handed to the sink with its ideal audio time (its epoch time
//   through the clock map), never "now", and only once that time is inside
//   the lookahead window;
// - a tone is skipped only when it is more than `lateToleranceMs` past when
//   its turn comes (after a stall longer than the lookahead); one less late
//   still plays (the sink starts it at once);
// - speech cannot be scheduled on the audio clock: a tick says a line once
//   its epoch time has come, so it starts at most one tick late (later only
//   after a stall; more than `speechLateToleranceMs` late, it is dropped);
// - `play` replaces everything not yet started: a tone at or after the audio
//   clock's now, or a line the sink still holds queued, is cancelled unless
//   the new timeline has the very same cue (same instant, same sound), which
//   is kept rather than doubled; what has started stays and is not repeated;
//   tones more than `lateToleranceMs` past are skipped, and lines more than
//   `speechLateToleranceMs` past (a reply is planned just after its answer
//   was written to the log, so its first line is always slightly late);
// - when readings show the audio clock has drifted or jumped against the
//   wall clock (the clock map re-syncs), tones not yet handed over follow the
//   new map and tones already handed over keep their audio time: a glitch
//   never makes a promised tone late or drops it, and the rhythm breaks at
//   most once per re-sync;
// - after a suspension (`resync`), tones handed over but not started are
//   taken back and handed over again at their new times, so stale ones from
//   before the suspension are skipped rather than played late;
// - the timer runs only while cues wait to be handed over.
import type { Sound, Timeline, Tone } from '@glutewake/core';
import {
  ClockMap,
  defaultClockMapOptions,
  type ClockMapOptions,
  type ClockReading,
} from './clock-map.js';

export interface SchedulerClock {
  /** The audio clock in seconds: the earliest time a sound can still be scheduled for. */
  audioNow(): number;
  /** The wall clock in epoch milliseconds. */
  epochNow(): number;
  /** Both clocks read at once, at the speaker when the platform says (getOutputTimestamp). */
  pairedReading?(): ClockReading;
}

/** A sound handed to the sink; cancelling one that has already started does nothing. */
export interface CueHandle {
  cancel(): void;
}

export interface CueSink {
  tone(tone: Tone, atAudioSeconds: number): CueHandle;
  /** Says the text now; `dueAtEpochMs` is when it was meant to start. */
  speak(text: string, dueAtEpochMs: number): CueHandle;
  /** Stops what is sounding now, such as speech mid-sentence. */
  hush(): void;
}

export type StopInterval = () => void;
/** A setInterval-like timer, injected so tests can drive it. */
export type StartInterval = (tick: () => void, periodMs: number) => StopInterval;

export interface SchedulerOptions {
  tickMs: number;
  lookaheadMs: number;
  lateToleranceMs: number;
  speechLateToleranceMs: number;
  clockMap: ClockMapOptions;
}

export const defaultSchedulerOptions: SchedulerOptions = {
  tickMs: 25,
  lookaheadMs: 400,
  lateToleranceMs: 25,
  speechLateToleranceMs: 1500,
  clockMap: defaultClockMapOptions,
};

type CueSound = { kind: 'tone'; tone: Tone } | { kind: 'speech'; text: string };

interface Cue {
  key: string;
  atEpochMs: number;
  sound: CueSound;
}

/** What happened to cues off the ideal path, for diagnostics and benchmarks. */
export interface SchedulerCounters {
  resyncs: number;
  tonesSkipped: number;
  linesDropped: number;
}

interface IssuedCue extends Cue {
  handle: CueHandle;
  /** For tones, the audio time the sink got; for speech, the audio time it was said. */
  atAudioSeconds: number;
}

export class LookaheadScheduler {
  readonly options: SchedulerOptions;
  readonly counters: SchedulerCounters = { resyncs: 0, tonesSkipped: 0, linesDropped: 0 };
  private readonly map: ClockMap;
  private pendingTones: Cue[] = [];
  private pendingSpeech: Cue[] = [];
  private issued: IssuedCue[] = [];
  private stopInterval: StopInterval | null = null;

  constructor(
    private readonly clock: SchedulerClock,
    private readonly sink: CueSink,
    private readonly startInterval: StartInterval,
    options: Partial<SchedulerOptions> = {},
  ) {
    this.options = { ...defaultSchedulerOptions, ...options };
    this.map = new ClockMap(this.reading(), this.options.clockMap);
  }

  toAudioSeconds(epochMs: number): number {
    return this.map.toAudioSeconds(epochMs);
  }

  toEpochMs(audioSeconds: number): number {
    return this.map.toEpochMs(audioSeconds);
  }

  /**
   * Re-reads both clocks at once, after the audio clock was suspended and
   * resumed, and moves the tones handed over but not started to the new map.
   */
  resync(): void {
    this.map.reset(this.reading());
    this.counters.resyncs++;
    this.reissueUnstartedTones();
    this.tick();
  }

  play(timeline: Timeline): void {
    const audioNow = this.clock.audioNow();
    const epochNow = this.map.toEpochMs(audioNow);
    // A line may start a little late (its log write came first); a tone may not.
    const earliestEpochMs = (cue: Cue) =>
      epochNow -
      (cue.sound.kind === 'speech'
        ? this.options.speechLateToleranceMs
        : this.options.lateToleranceMs);
    const issuedByKey = groupByKey(this.issued);
    const kept: IssuedCue[] = [];
    const planned: Cue[] = [];
    for (const cue of cuesOf(timeline)) {
      const twin = issuedByKey.get(cue.key)?.shift();
      if (twin !== undefined) kept.push(twin);
      else if (cue.atEpochMs >= earliestEpochMs(cue)) planned.push(cue);
    }
    const history = this.takeBack([...issuedByKey.values()].flat(), audioNow);
    this.issued = [...history, ...kept];
    this.pendingTones = planned.filter((cue) => cue.sound.kind === 'tone');
    this.pendingSpeech = planned.filter((cue) => cue.sound.kind === 'speech');
    this.tick();
  }

  /** Cancels everything not yet heard and stops speech mid-sentence. */
  silence(): void {
    this.issued = this.takeBack(this.issued, this.clock.audioNow());
    this.pendingTones = [];
    this.pendingSpeech = [];
    this.sink.hush();
    this.updateTimer();
  }

  dispose(): void {
    this.silence();
    this.stopInterval?.();
    this.stopInterval = null;
  }

  /** One pass of the timer; public so a caller can nudge it (a tab becoming visible). */
  tick(): void {
    if (this.map.observe(this.reading())) this.counters.resyncs++;
    const audioNow = this.clock.audioNow();
    this.issueTonesUpTo(audioNow);
    this.sayDueSpeech(audioNow);
    this.forgetOldCues(audioNow);
    this.updateTimer();
  }

  private issueTonesUpTo(audioNow: number): void {
    const horizon = audioNow + this.options.lookaheadMs / 1000;
    while (this.pendingTones.length > 0) {
      const cue = this.pendingTones[0];
      if (cue === undefined || cue.sound.kind !== 'tone') break;
      const atAudioSeconds = this.map.toAudioSeconds(cue.atEpochMs);
      if (atAudioSeconds > horizon) break;
      this.pendingTones.shift();
      if (atAudioSeconds < audioNow - this.options.lateToleranceMs / 1000) {
        this.counters.tonesSkipped++;
        continue;
      }
      const handle = this.sink.tone(cue.sound.tone, atAudioSeconds);
      this.issued.push({ ...cue, handle, atAudioSeconds });
    }
  }

  private sayDueSpeech(audioNow: number): void {
    const epochNow = this.clock.epochNow();
    while (this.pendingSpeech.length > 0) {
      const cue = this.pendingSpeech[0];
      if (cue === undefined || cue.sound.kind !== 'speech') break;
      if (cue.atEpochMs > epochNow) break;
      this.pendingSpeech.shift();
      if (epochNow - cue.atEpochMs > this.options.speechLateToleranceMs) {
        this.counters.linesDropped++;
        continue;
      }
      const handle = this.sink.speak(cue.sound.text, cue.atEpochMs);
      this.issued.push({ ...cue, handle, atAudioSeconds: audioNow });
    }
  }

  /** After a suspension, tones handed over under the old offset are at the wrong audio time. */
  private reissueUnstartedTones(): void {
    const audioNow = this.clock.audioNow();
    const unstarted = this.issued.filter(
      (cue) => cue.sound.kind === 'tone' && cue.atAudioSeconds >= audioNow,
    );
    for (const cue of unstarted) cue.handle.cancel();
    this.issued = this.issued.filter((cue) => !unstarted.includes(cue));
    const returned: Cue[] = unstarted.map(({ key, atEpochMs, sound }) => ({
      key,
      atEpochMs,
      sound,
    }));
    this.pendingTones = [...returned, ...this.pendingTones].sort(byTime);
  }

  /** Started cues are kept only as long as a replan could still name them. */
  private forgetOldCues(audioNow: number): void {
    const memorySeconds =
      (2 * Math.max(this.options.lateToleranceMs, this.options.speechLateToleranceMs)) / 1000;
    this.issued = this.issued.filter((cue) => cue.atAudioSeconds >= audioNow - memorySeconds);
  }

  /**
   * Cancels cues that may not have started: tones at or after the audio
   * clock's now, and lines (the sink knows whether it still holds them).
   * Returns the rest, which stay as history so no replan repeats them.
   */
  private takeBack(cues: readonly IssuedCue[], audioNow: number): IssuedCue[] {
    const history: IssuedCue[] = [];
    for (const cue of cues) {
      const unstartedTone = cue.sound.kind === 'tone' && cue.atAudioSeconds >= audioNow;
      if (unstartedTone || cue.sound.kind === 'speech') cue.handle.cancel();
      if (!unstartedTone) history.push(cue);
    }
    return history;
  }

  private updateTimer(): void {
    const waiting = this.pendingTones.length > 0 || this.pendingSpeech.length > 0;
    if (waiting && this.stopInterval === null) {
      this.stopInterval = this.startInterval(() => this.tick(), this.options.tickMs);
    } else if (!waiting && this.stopInterval !== null) {
      this.stopInterval();
      this.stopInterval = null;
    }
  }

  private reading(): ClockReading {
    return (
      this.clock.pairedReading?.() ?? {
        audioSeconds: this.clock.audioNow(),
        epochMs: this.clock.epochNow(),
      }
    );
  }
}

/** Every sound of a timeline as a cue at its absolute time, in time order. */
export function cuesOf(timeline: Timeline): Cue[] {
  const cues: Cue[] = [];
  for (const step of timeline.steps) {
    const atEpochMs = timeline.anchorAt + step.startMs;
    for (const sound of step.sounds) {
      const cueSound = toCueSound(sound);
      cues.push({ key: keyOf(atEpochMs, cueSound), atEpochMs, sound: cueSound });
    }
  }
  return cues.sort(byTime);
}

function toCueSound(sound: Sound): CueSound {
  return sound.kind === 'tone'
    ? { kind: 'tone', tone: sound.tone }
    : { kind: 'speech', text: sound.text };
}

function keyOf(atEpochMs: number, sound: CueSound): string {
  return `${atEpochMs}|${sound.kind === 'tone' ? `tone:${sound.tone}` : `speech:${sound.text}`}`;
}

function groupByKey(cues: readonly IssuedCue[]): Map<string, IssuedCue[]> {
  const groups = new Map<string, IssuedCue[]>();
  for (const cue of cues) {
    const group = groups.get(cue.key);
    if (group) group.push(cue);
    else groups.set(cue.key, [cue]);
  }
  return groups;
}

function byTime(a: Cue, b: Cue): number {
  return a.atEpochMs - b.atEpochMs;
}
