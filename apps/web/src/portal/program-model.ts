// A client's program as the portal edits and shows it: the editor's form
// (what it is based on, the six adjustable figures as typed, the favoured
// cues, the unlocks and the message), the body the server takes, core's
// check of it before saving, and the problems (core's or the server's)
// placed by field. Also the plain words of a version and of what changed
// between two versions. Invariants: pure; a figure left at its protocol's
// default is not sent as an adjustment; problems are keyed by the field
// that shows them, anything else goes under 'general'.
import { builtinProtocols, type ProgramDocument, type Protocol } from '@glutewake/core';
import { buildProgram } from '@glutewake/core/validation';

export const FIGURES = [
  'holdMs',
  'restBetweenSetsSeconds',
  'checkInEveryReps',
  'wakeUpCapReps',
  'sets',
  'repsPerSet',
] as const;
export type Figure = (typeof FIGURES)[number];

export const FIGURE_LABELS: Record<Figure, string> = {
  holdMs: 'Hold time (seconds)',
  restBetweenSetsSeconds: 'Rest between sets (seconds)',
  checkInEveryReps: 'Check in every (reps)',
  wakeUpCapReps: 'Wake-up cap (reps)',
  sets: 'Sets',
  repsPerSet: 'Reps per set',
};

export type Unlock = 'early' | 'held';

export type BaseChoice =
  { source: 'builtin'; protocolId: string } | { source: 'library'; entryId: string };

/** One protocol the clinic can assign, as GET /api/protocol-library lists it. */
export interface LibraryItem {
  source: 'builtin' | 'library';
  entryId: string | null;
  basedOn: string;
  revision: number;
  protocol: Protocol;
  updatedAt: number | null;
  updatedBy: string | null;
}

export interface ProgramVersionView {
  ref: { id: string; version: number };
  version: number;
  program: ProgramDocument;
  createdAt: number;
  createdBy: string;
}

export interface ProgramForm {
  base: BaseChoice;
  /** As typed; the hold in seconds, the others as their own unit. */
  figures: Record<Figure, string>;
  favouredCues: string[];
  unlocks: Record<string, Unlock>;
  message: string;
}

export type FieldKey = Figure | 'base' | 'favouredCues' | 'unlocks' | 'message' | 'general';
export type FieldProblems = Partial<Record<FieldKey, string[]>>;

export const STANDARD_PROTOCOL_ID = 'prone-ankle-squeeze';

export function sameBase(a: BaseChoice, b: BaseChoice): boolean {
  return a.source === 'builtin'
    ? b.source === 'builtin' && a.protocolId === b.protocolId
    : b.source === 'library' && a.entryId === b.entryId;
}

export function baseKey(base: BaseChoice): string {
  return base.source === 'builtin' ? `builtin:${base.protocolId}` : `library:${base.entryId}`;
}

export function baseFromKey(key: string): BaseChoice {
  const [source, id = ''] = key.split(':');
  return source === 'library'
    ? { source: 'library', entryId: id }
    : { source: 'builtin', protocolId: id };
}

export function itemOf(base: BaseChoice, library: readonly LibraryItem[]): LibraryItem | null {
  return (
    library.find((item) =>
      base.source === 'builtin'
        ? item.source === 'builtin' && item.basedOn === base.protocolId
        : item.entryId === base.entryId,
    ) ?? null
  );
}

/** A protocol's own value of each figure; null when it has no phase that takes it. */
export function figuresOf(protocol: Protocol): Record<Figure, number | null> {
  const wakeUp = protocol.phases.find((phase) => phase.kind === 'wake-up');
  const work = protocol.phases.find((phase) => phase.kind === 'work');
  return {
    holdMs: protocol.tempo.holdMs,
    restBetweenSetsSeconds: work?.kind === 'work' ? work.restBetweenSetsSeconds : null,
    checkInEveryReps: wakeUp?.kind === 'wake-up' ? wakeUp.checkInEveryReps : null,
    wakeUpCapReps: wakeUp?.kind === 'wake-up' ? wakeUp.capReps : null,
    sets: work?.kind === 'work' ? work.sets : null,
    repsPerSet: work?.kind === 'work' ? work.repsPerSet : null,
  };
}

/** A figure as the form shows it: the hold in seconds, the rest as they are. */
export function typedOf(figure: Figure, value: number | null): string {
  if (value === null) return '';
  return figure === 'holdMs' ? String(value / 1000) : String(value);
}

function typedFigures(protocol: Protocol): Record<Figure, string> {
  const values = figuresOf(protocol);
  return Object.fromEntries(FIGURES.map((f) => [f, typedOf(f, values[f])])) as Record<
    Figure,
    string
  >;
}

/** The form for a new version: the current one's choices, or the standard protocol as it is. */
export function formFrom(
  current: ProgramDocument | null,
  library: readonly LibraryItem[],
): ProgramForm {
  if (current === null) {
    const standard =
      itemOf({ source: 'builtin', protocolId: STANDARD_PROTOCOL_ID }, library)?.protocol ??
      builtinProtocols[0];
    return {
      base: { source: 'builtin', protocolId: standard?.id ?? STANDARD_PROTOCOL_ID },
      figures: standard ? typedFigures(standard) : emptyFigures(),
      favouredCues: [],
      unlocks: {},
      message: '',
    };
  }
  const base: BaseChoice =
    current.basedOn.source === 'builtin'
      ? { source: 'builtin', protocolId: current.basedOn.id }
      : { source: 'library', entryId: current.basedOn.id };
  return {
    base,
    figures: typedFigures(current.protocol),
    favouredCues: [...current.favouredCues],
    unlocks: { ...current.unlocks },
    message: current.message ?? '',
  };
}

function emptyFigures(): Record<Figure, string> {
  return {
    holdMs: '',
    restBetweenSetsSeconds: '',
    checkInEveryReps: '',
    wakeUpCapReps: '',
    sets: '',
    repsPerSet: '',
  };
}

/** The form after choosing another base: its defaults, and the cues it also has. */
export function withBase(form: ProgramForm, base: BaseChoice, protocol: Protocol): ProgramForm {
  const cues = new Set(protocol.cues.map((cue) => cue.id));
  const unlocks = { ...form.unlocks };
  delete unlocks[protocol.id];
  return {
    ...form,
    base,
    figures: typedFigures(protocol),
    favouredCues: form.favouredCues.filter((id) => cues.has(id)),
    unlocks,
  };
}

export interface NewProgramBody {
  expectedVersion: number;
  basedOn: BaseChoice;
  adjustments: Partial<Record<Figure, number>>;
  favouredCues: string[];
  unlocks: { exercise: string; unlock: Unlock }[];
  message: string | null;
}

/** The adjustments the typed figures make to `protocol`, or the figures that are not numbers. */
export function adjustmentsOf(
  form: ProgramForm,
  protocol: Protocol,
): { adjustments: Partial<Record<Figure, number>>; problems: FieldProblems } {
  const defaults = figuresOf(protocol);
  const adjustments: Partial<Record<Figure, number>> = {};
  const problems: FieldProblems = {};
  for (const figure of FIGURES) {
    const typed = form.figures[figure].trim();
    if (typed === '' || defaults[figure] === null) continue;
    const number = Number(typed);
    if (!Number.isFinite(number)) {
      problems[figure] = ['Please enter a number.'];
      continue;
    }
    const value = figure === 'holdMs' ? Math.round(number * 1000) : number;
    if (value !== defaults[figure]) adjustments[figure] = value;
  }
  return { adjustments, problems };
}

export function bodyOf(
  form: ProgramForm,
  protocol: Protocol,
  expectedVersion: number,
): NewProgramBody {
  const message = form.message.trim();
  return {
    expectedVersion,
    basedOn: form.base,
    adjustments: adjustmentsOf(form, protocol).adjustments,
    favouredCues: form.favouredCues.filter((id) => protocol.cues.some((cue) => cue.id === id)),
    unlocks: Object.entries(form.unlocks).map(([exercise, unlock]) => ({ exercise, unlock })),
    message: message === '' ? null : message,
  };
}

/** Core's check of the new version, as the server will run it; problems by field. */
export function checkProgram(form: ProgramForm, item: LibraryItem): FieldProblems {
  const { adjustments, problems } = adjustmentsOf(form, item.protocol);
  if (Object.keys(problems).length > 0) return problems;
  const body = bodyOf(form, item.protocol, 0);
  const built = buildProgram({
    basedOn: {
      source: item.source,
      id: item.source === 'builtin' ? item.basedOn : (item.entryId ?? ''),
      revision: item.revision,
    },
    base: item.protocol,
    adjustments,
    favouredCues: body.favouredCues,
    unlocks: Object.fromEntries(body.unlocks.map((u) => [u.exercise, u.unlock])),
    message: body.message,
  });
  return built.ok ? {} : problemsByField(built.problems);
}

const RANGE = /between (\d+) and (\d+)/;

/** Places problems (core's or the server's) by the field that shows them, in plain words. */
export function problemsByField(problems: readonly string[]): FieldProblems {
  const placed: FieldProblems = {};
  const add = (key: FieldKey, text: string) => {
    (placed[key] ??= []).push(text);
  };
  for (const problem of problems) {
    const figure = figureOfPath(problem);
    if (figure !== null) {
      add(figure, figureProblem(figure, problem));
    } else if (/^favouredCues\b/.test(problem)) add('favouredCues', problem);
    else if (/^unlocks\b/.test(problem)) add('unlocks', problem);
    else if (/^message\b/.test(problem))
      add('message', 'The message must be at most 280 characters.');
    else if (/^basedOn\b/.test(problem)) add('base', problem);
    else add('general', problem);
  }
  return placed;
}

function figureOfPath(problem: string): Figure | null {
  const adjusted = /^adjustments\.(\w+)/.exec(problem)?.[1];
  if (adjusted && (FIGURES as readonly string[]).includes(adjusted)) return adjusted as Figure;
  if (/^protocol\.tempo\.holdMs/.test(problem)) return 'holdMs';
  const phaseField = /^protocol\.phases\[\d+\]\.(\w+)/.exec(problem)?.[1];
  if (phaseField === 'capReps') return 'wakeUpCapReps';
  if (phaseField && (FIGURES as readonly string[]).includes(phaseField)) {
    return phaseField as Figure;
  }
  return null;
}

function figureProblem(figure: Figure, problem: string): string {
  const range = RANGE.exec(problem);
  if (range?.[1] && range[2]) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    return figure === 'holdMs'
      ? `Please choose between ${min / 1000} and ${max / 1000} seconds.`
      : `Please choose a whole number from ${min} to ${max}.`;
  }
  const cannot = /cannot be set: (.*)$/.exec(problem)?.[1];
  if (cannot) return `This protocol cannot take it: ${cannot}.`;
  return problem.replace(/^[\w.[\]]+ /, 'It ');
}

export function problemCount(problems: FieldProblems): number {
  return Object.values(problems).reduce((sum, list) => sum + (list?.length ?? 0), 0);
}

/** A cue's text for a therapist: its placeholders named, not filled. */
export function cueLabel(text: string): string {
  const names: Record<string, string> = {
    sleepySide: '[sleepy side]',
    firedSide: '[awake side]',
    weakerSide: '[weaker side]',
  };
  return text.replace(/\{(\w+)\}/g, (_, name: string) => names[name] ?? `[${name}]`);
}

/** A figure with its unit, for the summary: "2.5 s", "45 s", "10 reps", "3". */
export function figureText(figure: Figure, value: number): string {
  switch (figure) {
    case 'holdMs':
      return `${value / 1000} s`;
    case 'restBetweenSetsSeconds':
      return `${value} s`;
    case 'checkInEveryReps':
    case 'wakeUpCapReps':
      return `${value} reps`;
    default:
      return String(value);
  }
}

export const FIGURE_NAMES: Record<Figure, string> = {
  holdMs: 'Hold time',
  restBetweenSetsSeconds: 'Rest between sets',
  checkInEveryReps: 'Check in every',
  wakeUpCapReps: 'Wake-up cap',
  sets: 'Sets',
  repsPerSet: 'Reps per set',
};

export const UNLOCK_WORDS: Record<Unlock, string> = { early: 'open early', held: 'held back' };

/**
 * What a version changed from the one before it, in short phrases. The first
 * version is compared with the built-in protocol of its exercise, as the
 * client ran it before.
 */
export function changesBetween(
  previous: ProgramDocument | null,
  after: ProgramDocument,
  exerciseName: (id: string) => string,
): string[] {
  const standard = builtinProtocols.find((p) => p.id === after.protocol.id) ?? after.protocol;
  const before: ProgramDocument = previous ?? {
    ...after,
    protocol: standard,
    favouredCues: [],
    unlocks: {},
    message: null,
  };
  const changes: string[] =
    previous === null ? [`First program, based on ${after.protocol.name}`] : [];
  if (before.basedOn.source !== after.basedOn.source || before.basedOn.id !== after.basedOn.id) {
    changes.push(`Now based on ${after.protocol.name}`);
  }
  const was = figuresOf(before.protocol);
  const now = figuresOf(after.protocol);
  for (const figure of FIGURES) {
    const [a, b] = [was[figure], now[figure]];
    if (a !== b && b !== null) {
      changes.push(
        a === null
          ? `${FIGURE_NAMES[figure]} ${figureText(figure, b)}`
          : `${FIGURE_NAMES[figure]} ${figureText(figure, a)} → ${figureText(figure, b)}`,
      );
    }
  }
  const cueText = (doc: ProgramDocument, id: string) =>
    cueLabel(doc.protocol.cues.find((cue) => cue.id === id)?.text ?? id);
  const added = after.favouredCues.filter((id) => !before.favouredCues.includes(id));
  const dropped = before.favouredCues.filter((id) => !after.favouredCues.includes(id));
  for (const id of added) changes.push(`Favours “${cueText(after, id)}”`);
  for (const id of dropped) changes.push(`No longer favours “${cueText(before, id)}”`);
  const exercises = new Set([...Object.keys(before.unlocks), ...Object.keys(after.unlocks)]);
  for (const id of exercises) {
    if (before.unlocks[id] !== after.unlocks[id]) {
      const choice = after.unlocks[id];
      changes.push(
        `${exerciseName(id)}: ${choice === undefined ? 'as earned' : UNLOCK_WORDS[choice]}`,
      );
    }
  }
  if (before.message !== after.message) {
    changes.push(after.message === null ? 'Message removed' : 'New message');
  }
  return changes.length === 0 ? ['No changes'] : changes;
}
