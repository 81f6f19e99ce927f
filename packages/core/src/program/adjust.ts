// Applying a therapist's adjustments to a protocol: hold time, rest between
// sets, check-in interval, wake-up cap, sets and reps are written into the
// protocol's own tempo and phases (so the protocol alone says how the session
// runs), and the adjustable ranges are widened just enough to hold the new
// values, so the schema's consistency checks still pass. Invariants: pure;
// the result is a protocol the schema accepts, or plain problems with paths
// ("adjustments.holdMs must be ..."); the id, version and everything not
// adjusted stay as they were; adjusting with no adjustments changes nothing.
import { validateWith, type ValidationResult } from '../protocol/problems.js';
import { protocolSchema, type Protocol } from '../protocol/schema.js';
import { adjustmentsSchema } from './schema.js';
import type { ProtocolAdjustments } from './types.js';

type Range = { min: number; max: number };

const widened = (range: Range, value: number | undefined): Range =>
  value === undefined
    ? range
    : { min: Math.min(range.min, value), max: Math.max(range.max, value) };

export function adjustProtocol(
  protocol: Protocol,
  adjustments: ProtocolAdjustments,
): ValidationResult<Protocol> {
  const checked = validateWith(adjustmentsSchema, adjustments);
  if (!checked.ok) {
    const root = 'the document ';
    const under = (problem: string) =>
      problem.startsWith(root)
        ? `adjustments ${problem.slice(root.length)}`
        : `adjustments.${problem}`;
    return { ok: false, problems: checked.problems.map(under) };
  }
  const a = checked.value;
  const hasWakeUp = protocol.phases.some((phase) => phase.kind === 'wake-up');
  const hasWork = protocol.phases.some((phase) => phase.kind === 'work');
  const problems: string[] = [];
  const missingPhase = (field: keyof ProtocolAdjustments, phase: string) =>
    problems.push(`adjustments.${field} cannot be set: ${protocol.name} has no ${phase} phase`);
  if (!hasWakeUp) {
    if (a.checkInEveryReps !== undefined) missingPhase('checkInEveryReps', 'wake-up');
    if (a.wakeUpCapReps !== undefined) missingPhase('wakeUpCapReps', 'wake-up');
  }
  if (!hasWork) {
    if (a.restBetweenSetsSeconds !== undefined) missingPhase('restBetweenSetsSeconds', 'work');
    if (a.sets !== undefined) missingPhase('sets', 'work');
    if (a.repsPerSet !== undefined) missingPhase('repsPerSet', 'work');
  }
  if (problems.length > 0) return { ok: false, problems };

  const adjusted: Protocol = {
    ...protocol,
    tempo: { ...protocol.tempo, holdMs: a.holdMs ?? protocol.tempo.holdMs },
    adjustable: {
      holdMs: widened(protocol.adjustable.holdMs, a.holdMs),
      restBetweenSetsSeconds: widened(
        protocol.adjustable.restBetweenSetsSeconds,
        a.restBetweenSetsSeconds,
      ),
      checkInEveryReps: widened(protocol.adjustable.checkInEveryReps, a.checkInEveryReps),
      wakeUpCapReps: widened(protocol.adjustable.wakeUpCapReps, a.wakeUpCapReps),
    },
    phases: protocol.phases.map((phase) =>
      phase.kind === 'wake-up'
        ? {
            ...phase,
            checkInEveryReps: a.checkInEveryReps ?? phase.checkInEveryReps,
            capReps: a.wakeUpCapReps ?? phase.capReps,
          }
        : {
            ...phase,
            restBetweenSetsSeconds: a.restBetweenSetsSeconds ?? phase.restBetweenSetsSeconds,
            sets: a.sets ?? phase.sets,
            repsPerSet: a.repsPerSet ?? phase.repsPerSet,
          },
    ),
  };
  return validateWith(protocolSchema, adjusted);
}
