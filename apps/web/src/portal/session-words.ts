// How the portal words a client's sessions: regions, outcomes, balances, and
// the cue texts of the protocol a session ran (from core's built-in
// protocols), with their placeholders filled from what the client said.
import { findBuiltinProtocol, type Protocol } from '@glutewake/core';
import type { CheckIn } from './types.js';

export const REGION_LABELS: Record<string, string> = {
  thighs: 'Inner thighs',
  hamstrings: 'Hamstrings',
  back: 'Low back',
  left: 'Left glute',
  right: 'Right glute',
  none: 'Nothing yet',
};

export const OUTCOME_LABELS: Record<string, string> = {
  activated: 'Both glutes woke up',
  'one-side': 'One glute woke up',
  'not-yet': 'Not yet',
  stopped: 'Stopped early',
  completed: 'Done (no wake-up)',
  'in-progress': 'Not finished',
};

export const SYMPTOM_LABELS: Record<string, string> = {
  knee: 'Knee',
  foot: 'Foot',
  hamstringCramping: 'Hamstring cramps',
  backStiffness: 'Back stiffness',
};

export function feltText(felt: readonly string[] | null): string {
  if (felt === null) return 'No answer';
  return felt.map((region) => REGION_LABELS[region] ?? region).join(', ');
}

export function protocolOf(ref: { id: string; version: number } | null): Protocol | null {
  return ref === null
    ? null
    : (findBuiltinProtocol(ref.id, ref.version) ?? findBuiltinProtocol(ref.id));
}

/** A cue's words as the client heard them, with the sides filled in where the check-in tells. */
export function cueText(protocol: Protocol | null, cueId: string, checkIn: CheckIn): string {
  const cue = protocol?.cues.find((c) => c.id === cueId);
  if (cue === undefined) return cueId;
  const felt = checkIn.felt ?? [];
  const fired =
    felt.includes('left') && !felt.includes('right')
      ? 'left'
      : felt.includes('right') && !felt.includes('left')
        ? 'right'
        : null;
  const sleepy = fired === null ? null : fired === 'left' ? 'right' : 'left';
  const weaker =
    checkIn.balance === 'left-stronger'
      ? 'right'
      : checkIn.balance === 'right-stronger'
        ? 'left'
        : null;
  const values: Record<string, string | null> = {
    firedSide: fired,
    sleepySide: sleepy,
    weakerSide: weaker,
  };
  return cue.text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'one');
}

export function whereInSession(checkIn: CheckIn): string {
  if (checkIn.phase === 'wake-up') return `Wake-up, rep ${checkIn.rep}`;
  return `Set ${checkIn.set ?? 1}, rep ${checkIn.rep}`;
}
