// The cue-timing benchmark page. It plays a real session's tones (the
// built-in protocol, a fixed script, speech off) twice at once on one
// AudioContext while the main thread is busy 50 ms out of every 200 ms:
// through the web app's lookahead scheduler, and, as the baseline, from a
// setTimeout at each tone's due time that starts the tone "now". Each way
// has its own bus into an onset detector, and each onset (a sample frame on
// the audio clock) is compared with the ideal audio time of its tone.
// The scheduler aims at the moment a tone is heard (its clock map allows for
// the output latency); the baseline can only aim at the render clock, so its
// headline figures use the render-clock ideal (the audio clock's reading at
// the due instant), which leaves it only its timer and main-thread error.
// `setTimeoutBaselineVsHeard` adds the latency it does not allow for.
import {
  findBuiltinProtocol,
  parseScript,
  simulateSession,
  type Timeline,
  type Tone,
} from '@glutewake/core';
import { audioContextClock } from '../../../apps/web/src/audio/audio-clock.js';
import {
  LookaheadScheduler,
  type CueSink,
  type SchedulerCounters,
} from '../../../apps/web/src/audio/scheduler.js';
import { scheduleTone } from '../../../apps/web/src/audio/tones.js';
import { detectedBus, loadOnsetDetector } from './onset-detector.mjs';

const SCRIPT = '10:thighs 20:left,right s1:both/even s2:both/left-stronger s3:both/even';
const LEAD_MS = 1500;
/**
 * Every 2 s the timeline is played again, as the app does after each event;
 * half of those replans first add a decoy tone 300 ms ahead that the next
 * replan, 100 ms later, takes back: it is handed to Web Audio and must never
 * sound (a leaked decoy would show as an extra onset).
 */
const REPLAN = { everyMs: 2000, decoyAheadMs: 300, takeBackAfterMs: 100 };
/**
 * 50 ms of busy main thread every 200 ms on average. The gaps are jittered
 * (seeded) because the session's tones sit on a 200 ms grid: a strict 200 ms
 * load would either always or never coincide with them.
 */
const LOAD = { busyMs: 50, everyMs: 200, gapJitterMs: 100, seed: 20_260_105 };
/** An onset further than this from every ideal time is not counted as its tone. */
const MATCH_WINDOW_SECONDS = 0.25;

export interface TimingStats {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanSignedMs: number;
  onsets: number;
  missed: number;
  extra: number;
}

export interface CueTimingResult {
  scheduler: TimingStats;
  setTimeoutBaseline: TimingStats;
  setTimeoutBaselineVsHeard: TimingStats;
  ratioP99: number;
  durationSeconds: number;
  sampleRate: number;
  tones: number;
  replans: number;
  schedulerCounters: SchedulerCounters;
  decoysTakenBack: number;
  /** Decoys that sounded although taken back: must be 0. */
  decoysLeaked: number;
  outputLatencyMs: number;
  load: typeof LOAD;
}

declare global {
  interface Window {
    runCueTiming(seconds: number): Promise<CueTimingResult>;
  }
}

interface ScoredTone {
  tone: Tone;
  offsetMs: number;
}

/** The session's tones from its first tone on, up to `seconds`. */
function sessionTones(seconds: number): ScoredTone[] {
  const protocol = findBuiltinProtocol('prone-ankle-squeeze', 1);
  const script = parseScript(SCRIPT);
  if (protocol === null || !script.ok) throw new Error('the benchmark session cannot be built');
  const { score } = simulateSession({
    protocol,
    script: script.actions,
    settings: { speakSetup: false },
  });
  const tones = score.flatMap((step) =>
    step.sounds.flatMap((sound) =>
      sound.kind === 'tone' ? [{ tone: sound.tone, at: step.at }] : [],
    ),
  );
  const firstAt = tones[0]?.at ?? 0;
  return tones
    .map(({ tone, at }) => ({ tone, offsetMs: at - firstAt }))
    .filter(({ offsetMs }) => offsetMs < seconds * 1000);
}

function timelineOfTones(anchorAt: number, tones: readonly ScoredTone[]): Timeline {
  return {
    anchorAt,
    steps: tones.map(({ tone, offsetMs }) => ({
      kind: 'squeeze',
      startMs: offsetMs,
      durationMs: 0,
      phase: null,
      set: null,
      rep: null,
      sounds: [{ kind: 'tone', tone }],
    })),
    waitsFor: 'end',
  };
}

function busyMainThread(): () => void {
  const random = seededRandom(LOAD.seed);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const busyThenRest = () => {
    const until = performance.now() + LOAD.busyMs;
    while (performance.now() < until) {
      // Busy, like a heavy render or a garbage collection.
    }
    const gapMs = LOAD.everyMs - LOAD.busyMs + (random() - 0.5) * LOAD.gapJitterMs;
    timer = setTimeout(busyThenRest, gapMs);
  };
  timer = setTimeout(busyThenRest, 0);
  return () => clearTimeout(timer);
}

/** mulberry32: a small seeded generator, so every run carries the same load. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pairs each ideal time with the nearest unused onset inside the match window. */
function timingStats(
  idealsSeconds: readonly number[],
  onsetsSeconds: readonly number[],
): TimingStats {
  const unused = [...onsetsSeconds].sort((a, b) => a - b);
  const errorsMs: number[] = [];
  let missed = 0;
  for (const ideal of [...idealsSeconds].sort((a, b) => a - b)) {
    let best = -1;
    unused.forEach((onset, index) => {
      const distance = Math.abs(onset - ideal);
      if (
        distance <= MATCH_WINDOW_SECONDS &&
        (best < 0 || distance < Math.abs((unused[best] ?? 0) - ideal))
      ) {
        best = index;
      }
    });
    const [onset] = best < 0 ? [] : unused.splice(best, 1);
    if (onset === undefined) missed++;
    else errorsMs.push((onset - ideal) * 1000);
  }
  const absolute = errorsMs.map(Math.abs).sort((a, b) => a - b);
  const percentile = (p: number) =>
    absolute.length === 0
      ? NaN
      : (absolute[Math.min(absolute.length - 1, Math.ceil(p * absolute.length) - 1)] ?? NaN);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    p50Ms: round(percentile(0.5)),
    p95Ms: round(percentile(0.95)),
    p99Ms: round(percentile(0.99)),
    maxMs: round(absolute[absolute.length - 1] ?? NaN),
    meanSignedMs: round(errorsMs.reduce((sum, e) => sum + e, 0) / Math.max(1, errorsMs.length)),
    onsets: errorsMs.length,
    missed,
    extra: unused.length,
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Samples epoch ms minus the audio clock's reading all through the run.
 * `offsetNear(epochMs)` is the median of the samples within two seconds:
 * currentTime advances in chunks, so one reading is off by up to a chunk
 * either way, and the audio clock can lose time to an underrun, so the
 * offset is taken locally.
 */
function sampleRenderClockOffset(context: AudioContext) {
  const samples: { atMs: number; offsetMs: number }[] = [];
  const id = setInterval(() => {
    const atMs = performance.timeOrigin + performance.now();
    samples.push({ atMs, offsetMs: atMs - context.currentTime * 1000 });
  }, 37);
  return {
    stop: () => clearInterval(id),
    offsetNear(epochMs: number): number {
      const near = samples
        .filter(({ atMs }) => Math.abs(atMs - epochMs) <= 2000)
        .map(({ offsetMs }) => offsetMs)
        .sort((a, b) => a - b);
      return near[near.length >> 1] ?? NaN;
    },
  };
}

async function runCueTiming(seconds: number): Promise<CueTimingResult> {
  const context = new AudioContext({ latencyHint: 'interactive' });
  await context.resume();
  await loadOnsetDetector(context);
  const detector = { threshold: 1e-4, minSilenceFrames: Math.round(0.1 * context.sampleRate) };
  const schedulerBus = detectedBus(context, detector);
  const baselineBus = detectedBus(context, detector);
  await sleep(1000);
  const renderClockOffset = sampleRenderClockOffset(context);

  const handed: { atAudioSeconds: number; cancelled: boolean }[] = [];
  const sink: CueSink = {
    tone(tone, atAudioSeconds) {
      const record = { atAudioSeconds, cancelled: false };
      handed.push(record);
      const handle = scheduleTone(context, schedulerBus.input, tone, atAudioSeconds);
      return {
        cancel() {
          if (context.currentTime <= atAudioSeconds) record.cancelled = true;
          handle.cancel();
        },
      };
    },
    speak: () => ({ cancel() {} }),
    hush() {},
  };
  const clock = audioContextClock(context, performance);
  const scheduler = new LookaheadScheduler(clock, sink, (tick, periodMs) => {
    const id = setInterval(tick, periodMs);
    return () => clearInterval(id);
  });

  const stopLoad = busyMainThread();
  const tones = sessionTones(seconds);
  const anchorAt = clock.epochNow() + LEAD_MS;
  const timeline = timelineOfTones(anchorAt, tones);
  scheduler.play(timeline);
  let decoysTakenBack = 0;
  const decoyAudioTimes: number[] = [];
  const isDecoy = (atAudioSeconds: number) =>
    decoyAudioTimes.some((d) => Math.abs(d - atAudioSeconds) < 1e-6);
  let replanCount = 0;
  const replans = setInterval(() => {
    replanCount++;
    const decoyOffsetMs = clock.epochNow() + REPLAN.decoyAheadMs - anchorAt;
    const clear = tones.every(({ offsetMs }) => Math.abs(offsetMs - decoyOffsetMs) > 400);
    if (replanCount % 2 === 1 || !clear) {
      scheduler.play(timeline);
      return;
    }
    decoyAudioTimes.push(scheduler.toAudioSeconds(anchorAt + decoyOffsetMs));
    const withDecoy = timelineOfTones(anchorAt, [
      ...tones,
      { tone: 'question', offsetMs: decoyOffsetMs },
    ]);
    scheduler.play(withDecoy);
    setTimeout(() => {
      scheduler.play(timeline);
      decoysTakenBack++;
    }, REPLAN.takeBackAfterMs);
  }, REPLAN.everyMs);

  const baselineDueAt: number[] = [];
  const baselineHeardIdeals: number[] = [];
  for (const { tone, offsetMs } of tones) {
    const dueAt = anchorAt + offsetMs;
    setTimeout(() => {
      baselineDueAt.push(dueAt);
      baselineHeardIdeals.push(scheduler.toAudioSeconds(dueAt));
      scheduleTone(context, baselineBus.input, tone, context.currentTime);
    }, dueAt - clock.epochNow());
  }

  const lastOffsetMs = tones[tones.length - 1]?.offsetMs ?? 0;
  await sleep(LEAD_MS + Math.max(lastOffsetMs, seconds * 1000) + 1500);
  clearInterval(replans);
  stopLoad();
  scheduler.dispose();
  renderClockOffset.stop();
  const baselineIdeals = baselineDueAt.map(
    (dueAt) => (dueAt - renderClockOffset.offsetNear(dueAt)) / 1000,
  );

  const schedulerIdeals = handed
    .filter((tone) => !tone.cancelled && !isDecoy(tone.atAudioSeconds))
    .map((tone) => tone.atAudioSeconds);
  const decoysLeaked = handed.filter(
    (tone) => !tone.cancelled && isDecoy(tone.atAudioSeconds),
  ).length;
  const schedulerStats = timingStats(schedulerIdeals, schedulerBus.onsetsSeconds);
  const baselineStats = timingStats(baselineIdeals, baselineBus.onsetsSeconds);
  const result: CueTimingResult = {
    scheduler: schedulerStats,
    setTimeoutBaseline: baselineStats,
    setTimeoutBaselineVsHeard: timingStats(baselineHeardIdeals, baselineBus.onsetsSeconds),
    // Floored at one sample: an error below that is not measurable.
    ratioP99:
      Math.round(
        (baselineStats.p99Ms / Math.max(schedulerStats.p99Ms, 1000 / context.sampleRate)) * 10,
      ) / 10,
    durationSeconds: seconds,
    sampleRate: context.sampleRate,
    tones: tones.length,
    replans: replanCount,
    schedulerCounters: { ...scheduler.counters },
    decoysTakenBack,
    decoysLeaked,
    outputLatencyMs: Math.round(((context.outputLatency || 0) + context.baseLatency) * 1e4) / 10,
    load: LOAD,
  };
  await context.close();
  return result;
}

window.runCueTiming = runCueTiming;
