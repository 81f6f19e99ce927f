// Validation entry point, kept apart from the engine so that apps which only
// run built-in protocols do not ship the schema library on their first screen.
import { protocolSchema, type Protocol } from './protocol/schema.js';
import {
  sessionEventSchema,
  sessionSettingsSchema,
  type SessionEvent,
  type SessionSettings,
} from './engine/events.js';
import { validateWith, type ValidationResult } from './protocol/problems.js';
import { programSchema } from './program/schema.js';
import type { ProgramDocument } from './program/types.js';
import { z } from 'zod';

export type { ValidationResult } from './protocol/problems.js';
export { describePath } from './protocol/problems.js';
/** Reads an export file back: a checked document, or plain problems with paths. */
export { parseExport } from './export/parse.js';

/** Checks a protocol document; every problem names the path of the bad field. */
export function validateProtocol(input: unknown): ValidationResult<Protocol> {
  return validateWith(protocolSchema, input);
}

/** Checks a program document a therapist assigned; problems name their paths. */
export function validateProgram(input: unknown): ValidationResult<ProgramDocument> {
  return validateWith(programSchema, input);
}

/** Writes a therapist's adjustments into a protocol (program/adjust.ts). */
export { adjustProtocol } from './program/adjust.js';
export { buildProgram, type ProgramChoices } from './program/build.js';
export {
  adjustmentsSchema,
  favouredCuesSchema,
  programMessageSchema,
  programSchema,
  therapistUnlocksSchema,
} from './program/schema.js';
export { protocolSchema } from './protocol/schema.js';

/** Checks one session event, as a device or a server receives it. */
export function validateSessionEvent(input: unknown): ValidationResult<SessionEvent> {
  return validateWith(sessionEventSchema, input);
}

/** Checks the settings a session starts with (before the protocol's ranges clamp them). */
export function validateSessionSettings(input: unknown): ValidationResult<SessionSettings> {
  return validateWith(sessionSettingsSchema, input);
}

/** Parses JSON text and validates it as a protocol; bad JSON is a problem too. */
export function validateProtocolText(json: string): ValidationResult<Protocol> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, problems: [`the file is not valid JSON (${reason})`] };
  }
  return validateProtocol(parsed);
}

/** The protocol format as a JSON Schema, for editors that complete and check fields. */
export function protocolJsonSchema(): unknown {
  return z.toJSONSchema(protocolSchema, { unrepresentable: 'any' });
}
