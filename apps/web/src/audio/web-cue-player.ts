// The CuePlayer of the web app: an AudioContext for tones, speechSynthesis for
// words, and the lookahead scheduler between them and the engine's timelines.
// Invariants: `now()` never goes backwards; before `unlock` it is the wall
// clock, after it the audio clock mapped to epoch ms (the clock every cue is
// scheduled on, so an event stamped with `now()` anchors a timeline that
// sounds on time); a timeline played before `unlock` waits and starts then,
// its past steps skipped; with no AudioContext the player still speaks, and
// with neither audio nor voices it is silent but keeps time.
import type { Timeline, Tone } from '@glutewake/core';
import { audioContextClock, epochNowOf, wallOnlyClock, type WallClock } from './audio-clock.js';
import {
  LookaheadScheduler,
  type CueHandle,
  type CueSink,
  type SchedulerOptions,
  type StartInterval,
} from './scheduler.js';
import { browserSpeechPlatform, createSpeech, type SpeechPlatform } from './speech.js';
import { scheduleTone, type CueTone } from './tones.js';
import type { CuePlayer, CuePlayerOptions } from './types.js';

/** What the player needs from the platform; tests pass fakes. */
export interface CuePlayerEnvironment {
  createAudioContext: (() => AudioContext) | null;
  speech: SpeechPlatform | null;
  wallClock: WallClock;
  startInterval: StartInterval;
  scheduler?: Partial<SchedulerOptions>;
}

/** How long `unlock` waits for the AudioContext to start before carrying on. */
const RESUME_WAIT_MS = 1000;
const noHandle: CueHandle = { cancel() {} };

export function browserEnvironment(): CuePlayerEnvironment {
  const AudioContextClass =
    typeof AudioContext === 'undefined'
      ? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
      : AudioContext;
  return {
    createAudioContext: AudioContextClass
      ? () => new AudioContextClass({ latencyHint: 'interactive' })
      : null,
    speech: browserSpeechPlatform(),
    wallClock: performance,
    startInterval: (tick, periodMs) => {
      const id = setInterval(tick, periodMs);
      return () => clearInterval(id);
    },
  };
}

interface AudioOutput {
  context: AudioContext;
  master: GainNode;
}

export function createCuePlayer(
  options: CuePlayerOptions,
  environment: CuePlayerEnvironment = browserEnvironment(),
): CuePlayer {
  const { wallClock } = environment;
  let settings: CuePlayerOptions = { ...options };
  const speech = createSpeech(environment.speech);
  speech.preferVoice(settings.voiceUri);
  let audio: AudioOutput | null = null;
  let scheduler: LookaheadScheduler | null = null;
  let waitingTimeline: Timeline | null = null;
  let unlocking: Promise<void> | null = null;
  let lastNowMs = -Infinity;

  const canSpeak = () => settings.voiceEnabled && speech.available();
  const sink: CueSink = {
    tone: (tone, atAudioSeconds) =>
      audio ? scheduleTone(audio.context, audio.master, tone, atAudioSeconds) : noHandle,
    speak: (text) => (canSpeak() ? speech.say(text) : noHandle),
    hush: () => speech.hush(),
  };

  const toneNow = (tone: CueTone) => {
    const sound = (output: AudioOutput) => {
      void output.context.resume().catch(() => undefined);
      scheduleTone(output.context, output.master, tone, output.context.currentTime);
    };
    if (audio) sound(audio);
    else
      void unlock().then(() => {
        if (audio) sound(audio);
      });
  };

  function unlock(): Promise<void> {
    unlocking ??= (async () => {
      // Speech must be primed inside the gesture, before anything is awaited.
      speech.prime();
      audio = openAudio(environment, settings.volume);
      if (audio) await resumeWithin(audio.context, RESUME_WAIT_MS);
      const clock = audio ? audioContextClock(audio.context, wallClock) : wallOnlyClock(wallClock);
      const started = new LookaheadScheduler(
        clock,
        sink,
        environment.startInterval,
        environment.scheduler,
      );
      scheduler = started;
      // Resumed after an interruption (a call, a locked phone): the audio clock
      // stood still while the wall clock ran, so re-read both and drop stale tones.
      audio?.context.addEventListener('statechange', () => {
        if (audio?.context.state === 'running') started.resync();
      });
      if (waitingTimeline !== null) started.play(waitingTimeline);
      waitingTimeline = null;
    })();
    return unlocking;
  }

  return {
    unlock,
    now() {
      const context = audio?.context;
      const candidate =
        context !== undefined && context.state === 'running' && scheduler !== null
          ? scheduler.toEpochMs(context.currentTime)
          : epochNowOf(wallClock);
      lastNowMs = Math.max(lastNowMs, candidate);
      return lastNowMs;
    },
    play(timeline) {
      if (scheduler) scheduler.play(timeline);
      else waitingTimeline = timeline;
    },
    silence() {
      waitingTimeline = null;
      if (scheduler) scheduler.silence();
      else speech.hush();
    },
    confirm: () => toneNow('confirm'),
    sayNow(text) {
      if (canSpeak()) speech.say(text);
    },
    toneNow: (tone: Tone) => toneNow(tone),
    setOptions(changes) {
      settings = { ...settings, ...changes };
      if (changes.voiceUri !== undefined) speech.preferVoice(changes.voiceUri);
      if (changes.voiceEnabled === false) speech.hush();
      if (changes.volume !== undefined && audio) {
        audio.master.gain.setTargetAtTime(changes.volume, audio.context.currentTime, 0.01);
      }
    },
    canSpeak,
    voices: () => speech.voices(),
    dispose() {
      waitingTimeline = null;
      scheduler?.dispose();
      speech.dispose();
      void audio?.context.close().catch(() => undefined);
      audio = null;
    },
  };
}

/** A player that keeps time and makes no sound: for tests, and pages without audio. */
export function createSilentCuePlayer(wallClock: WallClock = performance): CuePlayer {
  let lastNowMs = -Infinity;
  return {
    unlock: () => Promise.resolve(),
    now() {
      lastNowMs = Math.max(lastNowMs, epochNowOf(wallClock));
      return lastNowMs;
    },
    play() {},
    silence() {},
    confirm() {},
    sayNow() {},
    toneNow() {},
    setOptions() {},
    canSpeak: () => false,
    voices: () => [],
    dispose() {},
  };
}

function openAudio(environment: CuePlayerEnvironment, volume: number): AudioOutput | null {
  if (environment.createAudioContext === null) return null;
  try {
    const context = environment.createAudioContext();
    const master = context.createGain();
    master.gain.value = volume;
    master.connect(context.destination);
    return { context, master };
  } catch {
    return null;
  }
}

/** Resumes the context, but never hangs `unlock` on a platform that withholds audio. */
async function resumeWithin(context: AudioContext, waitMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    context.resume().catch(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
  ]);
  clearTimeout(timer);
}
