// The protocol document: a versioned JSON description of one exercise, from
// its setup steps and tempo to its check-ins, cue library and cue rules, and
// where it sits on the progression ladder (its readiness rule and the short
// pre-activation block it starts with). Invariants checked here (beyond field
// shapes): ids are unique, rules only name cues that exist, placeholders in
// cue texts can always be filled, the default tempo sits inside the
// adjustable ranges, a wake-up phase, when present, comes first, and neither
// the readiness rule nor the pre-activation names the protocol itself.
import { z } from 'zod';
import { BALANCES, PHASE_KINDS, REGIONS } from '../vocabulary.js';
import { identifier, intBetween, listOf, lowercaseWords, oneOf, text } from './fields.js';
import { readinessRuleSchema } from './readiness.js';

export const PROTOCOL_SCHEMA_VERSION = 1;

const range = (min: number, max: number) =>
  z
    .strictObject({ min: intBetween(min, max), max: intBetween(min, max) })
    .refine((r) => r.min <= r.max, { error: 'min must not be greater than max' });

const setupStep = z.strictObject({ id: identifier, text: text(300) });

const tempo = z.strictObject({
  squeezeMs: intBetween(200, 3000),
  holdMs: intBetween(500, 5000),
  releaseMs: intBetween(200, 5000),
  restBetweenRepsMs: intBetween(0, 10_000),
});

const wakeUpPhase = z.strictObject({
  kind: z.literal('wake-up'),
  name: text(40),
  checkInEveryReps: intBetween(1, 100),
  capReps: intBetween(1, 500),
  endsWhen: z.literal('both-glutes-fired', { error: 'must be "both-glutes-fired"' }),
});

const workPhase = z.strictObject({
  kind: z.literal('work'),
  name: text(40),
  sets: intBetween(1, 20),
  repsPerSet: intBetween(1, 200),
  restBetweenSetsSeconds: intBetween(0, 600),
  leadInSeconds: intBetween(0, 120),
  checkInAfterEachSet: z.boolean({ error: 'must be true or false' }),
  /** Single-leg work: every set is done once on the left leg, then once on the right. */
  perSide: z.boolean({ error: 'must be true or false' }).optional(),
});

// The union's path already ends in `kind`; a non-object phase falls through to
// the default "must be an object" message.
const phase = z.discriminatedUnion('kind', [wakeUpPhase, workPhase], {
  error: (issue) =>
    issue.code === 'invalid_union' ? `must be one of ${PHASE_KINDS.join(', ')}` : undefined,
});

const region = oneOf(REGIONS);

const checkIns = z.strictObject({
  question: text(200),
  afterSetQuestion: text(200),
  regions: listOf(z.strictObject({ id: region, label: text(40) }), { min: 2, max: REGIONS.length }),
  balances: listOf(z.strictObject({ id: oneOf(BALANCES), label: text(40) }), {
    min: 0,
    max: BALANCES.length,
  }),
  answerTimeoutSeconds: intBetween(5, 600),
});

const cue = z.strictObject({ id: identifier, text: text(300) });

const cueCondition = z.strictObject({
  phase: oneOf(PHASE_KINDS).optional(),
  reportedAny: listOf(region, { min: 1, max: REGIONS.length }).optional(),
  reportedTimesAtLeast: intBetween(1, 100).optional(),
  oneGluteOnly: z.literal(true, { error: 'must be true when given' }).optional(),
  noGluteForCheckIns: intBetween(1, 50).optional(),
  balanceUneven: z.literal(true, { error: 'must be true when given' }).optional(),
  repAtMost: intBetween(1, 1000).optional(),
});

const cueRule = z.strictObject({
  id: identifier,
  when: cueCondition,
  say: listOf(identifier, { min: 1, max: 5 }),
  once: z.boolean({ error: 'must be true or false' }).optional(),
});

/** The words the engine uses for one rep; without them, those of ankle squeezes. */
const wording = z.strictObject({
  /** One rep, said mid-sentence: "Picking up at lift 7". */
  rep: lowercaseWords(24),
  /** The tempo instruction said before the first rep. */
  instruction: text(200),
  /** On-screen names of the squeeze and release steps of a rep. */
  squeezeLabel: text(24),
  releaseLabel: text(24),
});

/** A short block of another protocol's work reps, run before this one. */
const preActivation = z.strictObject({
  protocol: identifier,
  reps: intBetween(5, 60),
});

const adjustable = z.strictObject({
  holdMs: range(500, 5000),
  restBetweenSetsSeconds: range(0, 600),
  checkInEveryReps: range(1, 100),
  wakeUpCapReps: range(1, 500),
});

export const protocolSchema = z
  .strictObject({
    schemaVersion: z.literal(PROTOCOL_SCHEMA_VERSION, {
      error: `must be ${PROTOCOL_SCHEMA_VERSION} (the only protocol format this version knows)`,
    }),
    id: identifier,
    version: intBetween(1, 1_000_000),
    name: text(80),
    purpose: text(200),
    equipment: listOf(text(120), { min: 0, max: 10 }),
    setup: listOf(setupStep, { min: 1, max: 12 }),
    tempo,
    adjustable,
    phases: listOf(phase, { min: 1, max: 2 }),
    checkIns,
    cues: listOf(cue, { min: 1, max: 100 }),
    cueRules: listOf(cueRule, { min: 0, max: 100 }),
    maxCuesPerResponse: intBetween(1, 5),
    safety: listOf(text(300), { min: 1, max: 10 }),
    wording: wording.optional(),
    readiness: readinessRuleSchema.optional(),
    preActivation: preActivation.optional(),
  })
  .superRefine(checkConsistency);

export type Protocol = z.infer<typeof protocolSchema>;
export type ProtocolPhase = z.infer<typeof phase>;
export type WakeUpPhase = z.infer<typeof wakeUpPhase>;
export type WorkPhase = z.infer<typeof workPhase>;
export type Tempo = z.infer<typeof tempo>;
export type Cue = z.infer<typeof cue>;
export type CueRule = z.infer<typeof cueRule>;
export type CueCondition = z.infer<typeof cueCondition>;
export type Wording = z.infer<typeof wording>;
export type PreActivation = z.infer<typeof preActivation>;

/** Placeholders a cue text may use, and the rule condition that guarantees a value. */
export const CUE_PLACEHOLDERS = {
  sleepySide: 'oneGluteOnly',
  firedSide: 'oneGluteOnly',
  weakerSide: 'balanceUneven',
} as const satisfies Record<string, keyof CueCondition>;

type Raw = z.infer<typeof protocolSchema>;

function checkConsistency(protocol: Raw, ctx: z.RefinementCtx): void {
  const problem = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  reportDuplicates(protocol.setup, ['setup'], problem);
  reportDuplicates(protocol.cues, ['cues'], problem);
  reportDuplicates(protocol.cueRules, ['cueRules'], problem);
  reportDuplicates(protocol.checkIns.regions, ['checkIns', 'regions'], problem);
  reportDuplicates(protocol.checkIns.balances, ['checkIns', 'balances'], problem);

  const { holdMs } = protocol.adjustable;
  if (protocol.tempo.holdMs < holdMs.min || protocol.tempo.holdMs > holdMs.max) {
    problem(
      ['tempo', 'holdMs'],
      `must be between ${holdMs.min} and ${holdMs.max} (the adjustable.holdMs range)`,
    );
  }

  protocol.phases.forEach((phase, index) => {
    if (phase.kind === 'wake-up' && index !== 0) {
      problem(['phases', index, 'kind'], 'wake-up must be the first phase');
    }
    if (index > 0 && protocol.phases[index - 1]?.kind === phase.kind) {
      problem(['phases', index, 'kind'], `must not repeat the ${phase.kind} phase`);
    }
    if (phase.kind === 'wake-up') {
      const { checkInEveryReps, wakeUpCapReps } = protocol.adjustable;
      if (!within(phase.checkInEveryReps, checkInEveryReps)) {
        problem(
          ['phases', index, 'checkInEveryReps'],
          `must be between ${checkInEveryReps.min} and ${checkInEveryReps.max} (the adjustable.checkInEveryReps range)`,
        );
      }
      if (!within(phase.capReps, wakeUpCapReps)) {
        problem(
          ['phases', index, 'capReps'],
          `must be between ${wakeUpCapReps.min} and ${wakeUpCapReps.max} (the adjustable.wakeUpCapReps range)`,
        );
      }
    }
    if (phase.kind === 'work') {
      const rest = protocol.adjustable.restBetweenSetsSeconds;
      if (!within(phase.restBetweenSetsSeconds, rest)) {
        problem(
          ['phases', index, 'restBetweenSetsSeconds'],
          `must be between ${rest.min} and ${rest.max} (the adjustable.restBetweenSetsSeconds range)`,
        );
      }
    }
  });

  if (protocol.readiness?.after === protocol.id) {
    problem(
      ['readiness', 'after'],
      `must name the exercise before this one, not "${protocol.id}" itself`,
    );
  }
  if (protocol.preActivation?.protocol === protocol.id) {
    problem(
      ['preActivation', 'protocol'],
      `must name another protocol, not "${protocol.id}" itself`,
    );
  }

  const offered = new Set(protocol.checkIns.regions.map((r) => r.id));
  for (const required of ['left', 'right', 'none'] as const) {
    if (!offered.has(required)) {
      problem(['checkIns', 'regions'], `must offer "${required}"`);
    }
  }

  const cuesById = new Map(protocol.cues.map((c) => [c.id, c]));
  protocol.cues.forEach((c, index) => {
    for (const name of placeholdersIn(c.text)) {
      if (!(name in CUE_PLACEHOLDERS)) {
        problem(
          ['cues', index, 'text'],
          `uses an unknown placeholder {${name}} (known: ${Object.keys(CUE_PLACEHOLDERS).join(', ')})`,
        );
      }
    }
  });
  protocol.cueRules.forEach((rule, ruleIndex) => {
    rule.say.forEach((cueId, sayIndex) => {
      const said = cuesById.get(cueId);
      if (!said) {
        problem(
          ['cueRules', ruleIndex, 'say', sayIndex],
          `names a cue "${cueId}" that is not in cues`,
        );
        return;
      }
      for (const name of placeholdersIn(said.text)) {
        const needed = CUE_PLACEHOLDERS[name as keyof typeof CUE_PLACEHOLDERS];
        if (needed && rule.when[needed] !== true) {
          problem(
            ['cueRules', ruleIndex, 'when', needed],
            `must be true because cue "${cueId}" uses {${name}}`,
          );
        }
      }
    });
    if (rule.when.reportedTimesAtLeast !== undefined && rule.when.reportedAny === undefined) {
      problem(
        ['cueRules', ruleIndex, 'when', 'reportedAny'],
        'is required with reportedTimesAtLeast',
      );
    }
  });
}

function within(value: number, range: { min: number; max: number }): boolean {
  return value >= range.min && value <= range.max;
}

export function placeholdersIn(cueText: string): string[] {
  return [...cueText.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1] ?? '');
}

function reportDuplicates(
  items: readonly { id: string }[],
  path: PropertyKey[],
  problem: (path: PropertyKey[], message: string) => void,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) problem([...path, index, 'id'], `repeats the id "${item.id}"`);
    seen.add(item.id);
  });
}
