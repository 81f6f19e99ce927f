// The program document's schema (see types.ts for what a program is).
// Invariants checked here beyond field shapes: the protocol passes the
// protocol schema with all its consistency checks; favoured cues are cues of
// that protocol, each named once; a program never holds back the exercise
// it assigns. The inferred type is the one in types.ts (checked below).
import { z } from 'zod';
import { identifier, intBetween, listOf, oneOf, text } from '../protocol/fields.js';
import { protocolSchema } from '../protocol/schema.js';
import { PROGRAM_SCHEMA_VERSION, type ProgramDocument } from './types.js';

export const adjustmentsSchema = z.strictObject({
  holdMs: intBetween(500, 5000).optional(),
  restBetweenSetsSeconds: intBetween(0, 600).optional(),
  checkInEveryReps: intBetween(1, 100).optional(),
  wakeUpCapReps: intBetween(1, 500).optional(),
  sets: intBetween(1, 20).optional(),
  repsPerSet: intBetween(1, 200).optional(),
});

export const therapistUnlocksSchema = z
  .record(identifier, oneOf(['early', 'held']), { error: 'must be an object of exercise ids' })
  .refine((unlocks) => Object.keys(unlocks).length <= 20, {
    error: 'must name at most 20 exercises',
  });

export const favouredCuesSchema = listOf(identifier, { min: 0, max: 20 });

/** A short line for the client; null for none. */
export const programMessageSchema = text(280).nullable();

const basedOn = z.strictObject({
  source: oneOf(['builtin', 'library']),
  id: z.string({ error: 'must be text' }).min(1).max(64),
  revision: intBetween(1, 1_000_000),
});

export const programSchema = z
  .strictObject({
    schemaVersion: z.literal(PROGRAM_SCHEMA_VERSION, {
      error: `must be ${PROGRAM_SCHEMA_VERSION} (the only program format this version knows)`,
    }),
    basedOn,
    adjustments: adjustmentsSchema,
    protocol: protocolSchema,
    favouredCues: favouredCuesSchema,
    unlocks: therapistUnlocksSchema,
    message: programMessageSchema,
  })
  .superRefine((program, ctx) => {
    const cues = new Set(program.protocol.cues.map((cue) => cue.id));
    const seen = new Set<string>();
    program.favouredCues.forEach((cueId, index) => {
      if (!cues.has(cueId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['favouredCues', index],
          message: `names a cue "${cueId}" that is not in the protocol's cues`,
        });
      }
      if (seen.has(cueId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['favouredCues', index],
          message: `repeats the cue "${cueId}"`,
        });
      }
      seen.add(cueId);
    });
    if (program.unlocks[program.protocol.id] === 'held') {
      ctx.addIssue({
        code: 'custom',
        path: ['unlocks', program.protocol.id],
        message: 'must not hold back the exercise this program assigns',
      });
    }
  });

// The schema's output and the plain type must stay the same shape.
type Parsed = z.infer<typeof programSchema>;
export const programTypesAgree: [Parsed] extends [ProgramDocument]
  ? [ProgramDocument] extends [Parsed]
    ? true
    : false
  : false = true;
