// Building a program document from what a therapist chose: a base protocol
// (a built-in, or an entry of the clinic's library), the adjustments, the
// cues to favour, the unlocks and a message. Invariants: pure; the result
// passes the program schema (so a device can trust it), or comes back as
// plain problems with paths; the base protocol itself is never changed.
import type { Protocol } from '../protocol/schema.js';
import { validateWith, type ValidationResult } from '../protocol/problems.js';
import { adjustProtocol } from './adjust.js';
import { programSchema } from './schema.js';
import {
  PROGRAM_SCHEMA_VERSION,
  type ProgramBase,
  type ProgramDocument,
  type ProtocolAdjustments,
  type TherapistUnlock,
} from './types.js';

export interface ProgramChoices {
  basedOn: ProgramBase;
  base: Protocol;
  adjustments: ProtocolAdjustments;
  favouredCues: readonly string[];
  unlocks: Readonly<Record<string, TherapistUnlock>>;
  message: string | null;
}

export function buildProgram(choices: ProgramChoices): ValidationResult<ProgramDocument> {
  const adjusted = adjustProtocol(choices.base, choices.adjustments);
  if (!adjusted.ok) return adjusted;
  return validateWith(programSchema, {
    schemaVersion: PROGRAM_SCHEMA_VERSION,
    basedOn: choices.basedOn,
    adjustments: choices.adjustments,
    protocol: adjusted.value,
    favouredCues: [...choices.favouredCues],
    unlocks: { ...choices.unlocks },
    message: choices.message,
  });
}
