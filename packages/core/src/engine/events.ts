// The session log's vocabulary. A session is nothing but an ordered list of
// these events; its state, its timeline and its summary are all derived from
// them. Every event carries `at`, the epoch milliseconds its producer passed
// in (core never reads a clock). The schema is the single source of the types,
// and the same schema validates events arriving from a device or a server.
import { z } from 'zod';
import { BALANCES, PHASE_KINDS, REGIONS, SYMPTOMS } from '../vocabulary.js';
import { identifier, intBetween, listOf, oneOf, text } from '../protocol/fields.js';
import { EVENT_SCHEMA_VERSION, SESSION_EVENT_TYPES } from './event-types.js';

export { EVENT_SCHEMA_VERSION, SESSION_EVENT_TYPES } from './event-types.js';

/** Epoch milliseconds, from 2000-01-01 to 2200-01-01. */
const instant = z
  .number({ error: 'must be a time in epoch milliseconds' })
  .int({ error: 'must be a whole number of epoch milliseconds' })
  .min(946_684_800_000, { error: 'must be a time after the year 2000' })
  .max(7_258_118_400_000, { error: 'must be a time before the year 2200' });

const sessionId = z
  .string({ error: 'must be text' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, "-" or "_"' });

const ref = z.strictObject({ id: identifier, version: intBetween(1, 1_000_000) });

const regions = listOf(oneOf(REGIONS), { min: 1, max: REGIONS.length }).refine(
  (list) => new Set(list).size === list.length,
  { error: 'must not name a region twice' },
);

export const sessionSettingsSchema = z.strictObject({
  holdMs: intBetween(500, 5000).optional(),
  restBetweenSetsSeconds: intBetween(0, 600).optional(),
  checkInEveryReps: intBetween(1, 100).optional(),
  wakeUpCapReps: intBetween(1, 500).optional(),
  answerTimeoutSeconds: intBetween(5, 600).optional(),
  sets: intBetween(1, 20).optional(),
  repsPerSet: intBetween(1, 200).optional(),
  spokenCounts: z.boolean({ error: 'must be true or false' }).optional(),
  speakSetup: z.boolean({ error: 'must be true or false' }).optional(),
  favouredCues: listOf(identifier, { min: 0, max: 20 }).optional(),
  /** Run the work phase only, as for a short pre-activation block before another exercise. */
  skipWakeUp: z.boolean({ error: 'must be true or false' }).optional(),
  /** The exercise this session prepares for; its farewell sends the person there. */
  leadsInto: ref.optional(),
  /** Multiplies every duration; below 1 only for tests and demonstrations. */
  timescale: z
    .number({ error: 'must be a number' })
    .min(0.001, { error: 'must be between 0.001 and 1' })
    .max(1, { error: 'must be between 0.001 and 1' })
    .optional(),
});

const symptomScore = intBetween(0, 10);

const started = z.strictObject({
  type: z.literal('session.started'),
  at: instant,
  v: z.literal(EVENT_SCHEMA_VERSION, { error: `must be ${EVENT_SCHEMA_VERSION}` }),
  sessionId,
  protocol: ref,
  program: ref.optional(),
  settings: sessionSettingsSchema,
});
const repCompleted = z.strictObject({
  type: z.literal('rep.completed'),
  at: instant,
  phase: oneOf(PHASE_KINDS),
  // Up to 20 sets, each done twice (left, then right) in a per-side work phase.
  set: intBetween(1, 40).nullable(),
  rep: intBetween(1, 500),
});
const felt = z.strictObject({ type: z.literal('felt'), at: instant, regions });
const checkInAnswered = z.strictObject({
  type: z.literal('checkIn.answered'),
  at: instant,
  regions,
  balance: oneOf(BALANCES).optional(),
});
const checkInTimedOut = z.strictObject({ type: z.literal('checkIn.timedOut'), at: instant });
const balanceReported = z.strictObject({
  type: z.literal('balance.reported'),
  at: instant,
  balance: oneOf(BALANCES),
});
const paused = z.strictObject({ type: z.literal('session.paused'), at: instant });
const resumed = z.strictObject({ type: z.literal('session.resumed'), at: instant });
const stopped = z.strictObject({ type: z.literal('session.stopped'), at: instant });
const symptomsLogged = z.strictObject({
  type: z.literal('symptoms.logged'),
  at: instant,
  symptoms: z.strictObject(
    Object.fromEntries(SYMPTOMS.map((symptom) => [symptom, symptomScore.optional()])) as Record<
      (typeof SYMPTOMS)[number],
      z.ZodOptional<typeof symptomScore>
    >,
  ),
  note: text(2000).optional(),
});

export const sessionEventSchema = z.discriminatedUnion(
  'type',
  [
    started,
    repCompleted,
    felt,
    checkInAnswered,
    checkInTimedOut,
    balanceReported,
    paused,
    resumed,
    stopped,
    symptomsLogged,
  ],
  {
    // The issue's path already ends in `type`; a non-object event falls through
    // to the default "must be an object" message.
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `must be one of ${SESSION_EVENT_TYPES.join(', ')}`
        : undefined,
  },
);

export type SessionEvent = z.infer<typeof sessionEventSchema>;
export type SessionEventType = SessionEvent['type'];
export type EventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;
export type ProtocolRef = z.infer<typeof ref>;
export type SymptomScores = EventOf<'symptoms.logged'>['symptoms'];
