// The effective plan of one session: the protocol's defaults with the
// person's (or therapist's) settings applied, clamped into the ranges the
// protocol allows, and every duration scaled by the timescale. Resolving never
// throws: an out-of-range setting is clamped, so a replayed log always folds.
// `skipWakeUp` leaves the wake-up out (wakeUp is null), and a per-side work
// phase counts each side as a set of its own (see sides.ts).
import type { Protocol, WakeUpPhase, WorkPhase } from '../protocol/schema.js';
import type { ProtocolRef, SessionSettings } from './events.js';
import { wordingOf, type Wording } from './wording.js';

export interface SessionPlan {
  protocol: Protocol;
  timescale: number;
  tempo: { squeezeMs: number; holdMs: number; releaseMs: number; restBetweenRepsMs: number };
  wording: Wording;
  wakeUp: { checkInEveryReps: number; capReps: number } | null;
  work: {
    /** Runs of reps: the sets, counted twice (left, then right) when `perSide`. */
    sets: number;
    repsPerSet: number;
    restBetweenSetsMs: number;
    leadInMs: number;
    checkInAfterEachSet: boolean;
    perSide: boolean;
    /** The pause between a set's left side and its right side. */
    switchSidesMs: number;
  } | null;
  /** The exercise this session prepares for, with its name when the lookup knew it. */
  leadsInto: (ProtocolRef & { name: string | null }) | null;
  answerTimeoutMs: number;
  /** A short "ready" beat before the first squeeze of every run of reps. */
  countInMs: number;
  spokenCounts: boolean;
  speakSetup: boolean;
  favouredCues: readonly string[];
  maxCuesPerResponse: number;
}

const COUNT_IN_MS = 2000;
const SWITCH_SIDES_MS = 5000;

/**
 * `leadsIntoName` is the name of the protocol `settings.leadsInto` names, when
 * the caller could look it up (the farewell says it).
 */
export function resolvePlan(
  protocol: Protocol,
  settings: SessionSettings,
  leadsIntoName: string | null = null,
): SessionPlan {
  const timescale = clamp(settings.timescale ?? 1, 0.001, 1);
  // A duration never rounds down to nothing at a small timescale, but a
  // protocol's zero (no rest between sets, no lead-in) stays zero.
  const scaled = (ms: number) => (ms === 0 ? 0 : Math.max(1, Math.round(ms * timescale)));
  const { adjustable } = protocol;
  const wakeUpPhase = settings.skipWakeUp
    ? undefined
    : protocol.phases.find((p): p is WakeUpPhase => p.kind === 'wake-up');
  const workPhase = protocol.phases.find((p): p is WorkPhase => p.kind === 'work');
  const perSide = workPhase?.perSide === true;
  const holdMs = clampTo(settings.holdMs ?? protocol.tempo.holdMs, adjustable.holdMs);

  return {
    protocol,
    timescale,
    tempo: {
      squeezeMs: scaled(protocol.tempo.squeezeMs),
      holdMs: scaled(holdMs),
      releaseMs: scaled(protocol.tempo.releaseMs),
      restBetweenRepsMs: scaled(protocol.tempo.restBetweenRepsMs),
    },
    wording: wordingOf(protocol),
    wakeUp: wakeUpPhase
      ? {
          checkInEveryReps: clampTo(
            settings.checkInEveryReps ?? wakeUpPhase.checkInEveryReps,
            adjustable.checkInEveryReps,
          ),
          capReps: clampTo(settings.wakeUpCapReps ?? wakeUpPhase.capReps, adjustable.wakeUpCapReps),
        }
      : null,
    work: workPhase
      ? {
          sets: (settings.sets ?? workPhase.sets) * (perSide ? 2 : 1),
          repsPerSet: settings.repsPerSet ?? workPhase.repsPerSet,
          restBetweenSetsMs: scaled(
            1000 *
              clampTo(
                settings.restBetweenSetsSeconds ?? workPhase.restBetweenSetsSeconds,
                adjustable.restBetweenSetsSeconds,
              ),
          ),
          leadInMs: scaled(1000 * workPhase.leadInSeconds),
          checkInAfterEachSet: workPhase.checkInAfterEachSet,
          perSide,
          switchSidesMs: perSide ? scaled(SWITCH_SIDES_MS) : 0,
        }
      : null,
    leadsInto: settings.leadsInto ? { ...settings.leadsInto, name: leadsIntoName } : null,
    answerTimeoutMs: scaled(
      1000 * (settings.answerTimeoutSeconds ?? protocol.checkIns.answerTimeoutSeconds),
    ),
    countInMs: scaled(COUNT_IN_MS),
    spokenCounts: settings.spokenCounts ?? true,
    speakSetup: settings.speakSetup ?? true,
    favouredCues: settings.favouredCues ?? [],
    maxCuesPerResponse: protocol.maxCuesPerResponse,
  };
}

/** How long one rep lasts from its squeeze cue to the end of its release. */
export function repActiveMs(plan: SessionPlan): number {
  return plan.tempo.squeezeMs + plan.tempo.holdMs + plan.tempo.releaseMs;
}

/** Spoken text takes time; this estimate (about 160 words a minute) keeps cues from overlapping. */
export function estimateSpeechMs(text: string, timescale: number): number {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round((500 + words * 380) * timescale));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function clampTo(value: number, range: { min: number; max: number }): number {
  return clamp(value, range.min, range.max);
}
