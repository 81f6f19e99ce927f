// The outline of a session before it is run: its phases, its tempo and how
// long it can take. The duration range comes from simulating the quickest,
// a typical and the longest course, so it always matches what the engine does.
import type { Protocol } from '../protocol/schema.js';
import type { SessionSettings } from '../engine/events.js';
import { repActiveMs, resolvePlan } from '../engine/plan.js';
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
  wakeUp: { checkInEveryReps: number; capReps: number } | null;
  work: {
    sets: number;
    repsPerSet: number;
    restBetweenSetsSeconds: number;
    checkInAfterEachSet: boolean;
  } | null;
  durationSeconds: { quickest: number; typical: number; longest: number };
  safety: string[];
}

/** The wake-up rep at which glutes typically wake, rounded to a check-in. */
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
  const typicalRep = Math.min(cap, Math.ceil(TYPICAL_WAKE_UP_REPS / every) * every);
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
    wakeUp: plan.wakeUp,
    work: plan.work
      ? {
          sets: plan.work.sets,
          repsPerSet: plan.work.repsPerSet,
          restBetweenSetsSeconds: plan.work.restBetweenSetsMs / 1000,
          checkInAfterEachSet: plan.work.checkInAfterEachSet,
        }
      : null,
    durationSeconds: range,
    safety: [...protocol.safety],
  };
}
