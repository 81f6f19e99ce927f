// The outline of a session before it is run: its phases, its tempo, its words
// for a rep, where it sits on the ladder and how long it can take. The
// duration range comes from simulating the quickest, a typical and the
// longest course, so it always matches what the engine does.
import type { PreActivation, Protocol, Wording } from '../protocol/schema.js';
import type { ReadinessRule } from '../protocol/readiness.js';
import type { SessionSettings } from '../engine/events.js';
import { repActiveMs, resolvePlan } from '../engine/plan.js';
import { setLabel } from '../engine/sides.js';
import { parseScript } from './script.js';
import { simulateSession } from './simulate.js';

export interface PlanOutline {
  id: string;
  version: number;
  name: string;
  purpose: string;
  equipment: string[];
  setup: string[];
  tempo: {
    squeezeMs: number;
    holdMs: number;
    releaseMs: number;
    restBetweenRepsMs: number;
    repSeconds: number;
  };
  wording: Wording;
  wakeUp: { checkInEveryReps: number; capReps: number } | null;
  work: {
    /** Sets as the person counts them; each is done on both legs when `perSide`. */
    sets: number;
    repsPerSet: number;
    perSide: boolean;
    restBetweenSetsSeconds: number;
    checkInAfterEachSet: boolean;
  } | null;
  readiness: ReadinessRule | null;
  preActivation: PreActivation | null;
  durationSeconds: { quickest: number; typical: number; longest: number };
  safety: string[];
}

/**
 * The wake-up rep at which glutes typically wake: around 30 for ankle squeezes,
 * sooner with a smaller cap (half of it), rounded up to a check-in.
 */
const TYPICAL_WAKE_UP_REPS = 30;

export function planOutline(protocol: Protocol, settings: SessionSettings = {}): PlanOutline {
  const plan = resolvePlan(protocol, settings);
  const duration = (script: string) => {
    const parsed = parseScript(script);
    const actions = parsed.ok ? parsed.actions : [];
    return simulateSession({ protocol, script: actions, settings }).summary.durationSeconds;
  };
  const every = plan.wakeUp?.checkInEveryReps ?? 1;
  const cap = plan.wakeUp?.capReps ?? 0;
  const typical = Math.min(TYPICAL_WAKE_UP_REPS, cap / 2);
  const typicalRep = Math.min(cap, Math.ceil(typical / every) * every);
  const range = plan.wakeUp
    ? {
        quickest: duration(`${Math.min(every, cap)}:both`),
        typical: duration(`${typicalRep}:both`),
        longest: duration(`${cap}:both`),
      }
    : (() => {
        const only = duration('');
        return { quickest: only, typical: only, longest: only };
      })();

  return {
    id: protocol.id,
    version: protocol.version,
    name: protocol.name,
    purpose: protocol.purpose,
    equipment: [...protocol.equipment],
    setup: protocol.setup.map((step) => step.text),
    tempo: { ...plan.tempo, repSeconds: (repActiveMs(plan) + plan.tempo.restBetweenRepsMs) / 1000 },
    wording: { ...plan.wording },
    wakeUp: plan.wakeUp,
    work: plan.work
      ? {
          sets: setLabel(plan, 1).of,
          repsPerSet: plan.work.repsPerSet,
          perSide: plan.work.perSide,
          restBetweenSetsSeconds: plan.work.restBetweenSetsMs / 1000,
          checkInAfterEachSet: plan.work.checkInAfterEachSet,
        }
      : null,
    readiness: protocol.readiness ? { ...protocol.readiness } : null,
    preActivation: protocol.preActivation ? { ...protocol.preActivation } : null,
    durationSeconds: range,
    safety: [...protocol.safety],
  };
}
