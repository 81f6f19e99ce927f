// Editing a protocol of the clinic's library in the portal: the fields a
// therapist can change (name, purpose, tempo in seconds, each phase's
// figures, the cue texts) as typed, written back into the whole protocol
// document, checked with core's protocol schema, and the problems (core's
// or the server's, which prefixes them with "protocol.") placed by field.
// Invariants: pure; everything not on the form stays as it was; the
// adjustable ranges widen to hold new figures (within the schema's bounds),
// as a program's adjustments do, so a new default is not refused for
// sitting outside a range the therapist never sees.
import type { Protocol } from '@glutewake/core';
import { validateProtocol } from '@glutewake/core/validation';

export const TEMPO_FIELDS = ['squeezeMs', 'holdMs', 'releaseMs', 'restBetweenRepsMs'] as const;
export type TempoField = (typeof TEMPO_FIELDS)[number];

export const TEMPO_LABELS: Record<TempoField, string> = {
  squeezeMs: 'Squeeze (seconds)',
  holdMs: 'Hold (seconds)',
  releaseMs: 'Release (seconds)',
  restBetweenRepsMs: 'Rest between reps (seconds)',
};

export const PHASE_FIELDS = {
  'wake-up': [
    ['checkInEveryReps', 'Check in every (reps)'],
    ['capReps', 'Wake-up cap (reps)'],
  ],
  work: [
    ['sets', 'Sets'],
    ['repsPerSet', 'Reps per set'],
    ['restBetweenSetsSeconds', 'Rest between sets (seconds)'],
  ],
} as const;

export interface ProtocolForm {
  name: string;
  purpose: string;
  /** In seconds, as typed. */
  tempo: Record<TempoField, string>;
  /** Each phase's figures by field name, as typed. */
  phases: Record<string, string>[];
  /** Cue texts by cue id. */
  cues: Record<string, string>;
}

export function protocolFormOf(protocol: Protocol): ProtocolForm {
  return {
    name: protocol.name,
    purpose: protocol.purpose,
    tempo: Object.fromEntries(
      TEMPO_FIELDS.map((field) => [field, String(protocol.tempo[field] / 1000)]),
    ) as Record<TempoField, string>,
    phases: protocol.phases.map((phase) =>
      Object.fromEntries(
        PHASE_FIELDS[phase.kind].map(([field]) => [
          field,
          String((phase as Record<string, unknown>)[field]),
        ]),
      ),
    ),
    cues: Object.fromEntries(protocol.cues.map((cue) => [cue.id, cue.text])),
  };
}

// A typed number: blank or not a number stays as typed, so the schema names it.
const numberOf = (typed: string | undefined): unknown => {
  const trimmed = (typed ?? '').trim();
  const value = Number(trimmed);
  return trimmed === '' || !Number.isFinite(value) ? trimmed : value;
};
const msOf = (typed: string): unknown => {
  const value = numberOf(typed);
  return typeof value === 'number' ? Math.round(value * 1000) : value;
};

type Range = { min: number; max: number };
const widened = (range: Range, value: unknown, bounds: Range): Range => {
  if (typeof value !== 'number' || !Number.isInteger(value)) return range;
  const held = Math.min(bounds.max, Math.max(bounds.min, value));
  return { min: Math.min(range.min, held), max: Math.max(range.max, held) };
};

/** The whole protocol document with the form's values written in (not yet checked). */
export function protocolWith(protocol: Protocol, form: ProtocolForm): Record<string, unknown> {
  const tempo = Object.fromEntries(TEMPO_FIELDS.map((f) => [f, msOf(form.tempo[f])]));
  const phases = protocol.phases.map((phase, index) => {
    const typed = form.phases[index] ?? {};
    const figures = Object.fromEntries(
      PHASE_FIELDS[phase.kind].map(([field]) => [field, numberOf(typed[field])]),
    );
    return { ...phase, ...figures };
  });
  const wakeUp = phases.find((p) => p.kind === 'wake-up') as Record<string, unknown> | undefined;
  const work = phases.find((p) => p.kind === 'work') as Record<string, unknown> | undefined;
  const a = protocol.adjustable;
  return {
    ...protocol,
    name: form.name,
    purpose: form.purpose,
    tempo,
    adjustable: {
      holdMs: widened(a.holdMs, tempo.holdMs, { min: 500, max: 5000 }),
      restBetweenSetsSeconds: widened(a.restBetweenSetsSeconds, work?.restBetweenSetsSeconds, {
        min: 0,
        max: 600,
      }),
      checkInEveryReps: widened(a.checkInEveryReps, wakeUp?.checkInEveryReps, {
        min: 1,
        max: 100,
      }),
      wakeUpCapReps: widened(a.wakeUpCapReps, wakeUp?.capReps, { min: 1, max: 500 }),
    },
    phases,
    cues: protocol.cues.map((cue) => ({ ...cue, text: form.cues[cue.id] ?? cue.text })),
  };
}

/** Where a problem shows: "name", "purpose", "tempo.holdMs", "phases.0.sets", "cues.<id>" or "general". */
export type ProtocolProblems = Record<string, string[]>;

export function checkProtocolForm(
  protocol: Protocol,
  form: ProtocolForm,
): { ok: true; value: Protocol } | { ok: false; problems: ProtocolProblems } {
  const checked = validateProtocol(protocolWith(protocol, form));
  return checked.ok
    ? checked
    : { ok: false, problems: placeProtocolProblems(protocol, checked.problems) };
}

/** Places core's or the server's problems by field, in plain words. */
export function placeProtocolProblems(
  protocol: Protocol,
  problems: readonly string[],
): ProtocolProblems {
  const placed: ProtocolProblems = {};
  const add = (key: string, text: string) => (placed[key] ??= []).push(text);
  for (const raw of problems) {
    const problem = raw.replace(/^protocol\./, '');
    const match =
      /^(name|purpose)\b(.*)$/.exec(problem) ??
      /^(tempo\.\w+)\b(.*)$/.exec(problem) ??
      /^phases\[(\d+)\]\.(\w+)\b(.*)$/.exec(problem) ??
      /^cues\[(\d+)\]\.text\b(.*)$/.exec(problem);
    if (match === null) {
      add('general', raw);
      continue;
    }
    if (problem.startsWith('phases')) {
      add(`phases.${match[1]}.${match[2]}`, plain(match[3] ?? '', false));
    } else if (problem.startsWith('cues')) {
      const cue = protocol.cues[Number(match[1])];
      add(cue ? `cues.${cue.id}` : 'general', plain(match[2] ?? '', false));
    } else {
      const key = match[1] ?? 'general';
      add(key, plain(match[2] ?? '', key.startsWith('tempo.')));
    }
  }
  // A figure out of the schema's bounds also sits outside its adjustable
  // range; the first problem says all the therapist needs.
  for (const [key, list] of Object.entries(placed)) {
    if (list.length > 1) placed[key] = [...new Set(list)].slice(0, 1);
  }
  return placed;
}

/** "must be a whole number between 500 and 5000" → "Please choose between 0.5 and 5 seconds." */
function plain(rest: string, inMs: boolean): string {
  const text = rest.trim();
  const range = /between (\d+) and (\d+)/.exec(text);
  if (range?.[1] && range[2]) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    return inMs
      ? `Please choose between ${min / 1000} and ${max / 1000} seconds.`
      : `Please choose a whole number from ${min} to ${max}.`;
  }
  if (/must not be empty|is required/.test(text)) return 'Please fill this in.';
  const sentence = text.replace(/^must/, 'It must');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${sentence.endsWith('.') ? '' : '.'}`;
}

export function problemTotal(problems: ProtocolProblems): number {
  return Object.values(problems).reduce((sum, list) => sum + list.length, 0);
}
