// What happens next, as a score: from a state, the steps ahead with their
// exact offsets from an anchor instant, and the sounds that start each step.
// An app schedules these on its audio clock ahead of time. Invariants: steps
// are contiguous (each starts where the previous ended), durations are never
// negative, and the offsets of a run of reps do not move as its reps are
// logged, because they all count from the same anchor.
import type { PhaseKind } from '../vocabulary.js';
import { estimateSpeechMs, type SessionPlan } from './plan.js';
import { phrases } from './phrases.js';
import { setLabel } from './sides.js';
import type { Block, Line, PendingCheckIn, SessionState, SpeechPurpose } from './state.js';
import { farewellFor } from './transitions.js';

export type Tone = 'ready' | 'squeeze' | 'release' | 'question' | 'finish';

export type Sound =
  | { kind: 'tone'; tone: Tone }
  | {
      kind: 'speech';
      text: string;
      purpose: SpeechPurpose | 'question' | 'farewell';
      cueId?: string;
    };

export type StepKind =
  | 'speech'
  | 'rest'
  | 'count-in'
  | 'squeeze'
  | 'hold'
  | 'release'
  | 'recover'
  | 'question'
  | 'await-answer'
  | 'farewell'
  | 'end';

export interface TimelineStep {
  kind: StepKind;
  startMs: number;
  durationMs: number;
  phase: PhaseKind | null;
  set: number | null;
  rep: number | null;
  sounds: Sound[];
}

export interface Timeline {
  /** Epoch ms that every `startMs` counts from. */
  anchorAt: number;
  steps: TimelineStep[];
  /** What ends this timeline: the person's answer, a resume, the session's end, or nothing yet. */
  waitsFor: 'answer' | 'resume' | 'end' | 'start';
}

export function timelineOf(state: SessionState): Timeline {
  const { position, plan } = state;
  if (plan === null || position.kind === 'not-started')
    return { anchorAt: 0, steps: [], waitsFor: 'start' };
  switch (position.kind) {
    case 'block':
      return blockTimeline(plan, position);
    case 'check-in':
      return {
        anchorAt: position.askedAt,
        steps: checkInSteps(plan, position, 0),
        waitsFor: 'answer',
      };
    case 'paused':
      return { anchorAt: position.pausedAt, steps: [], waitsFor: 'resume' };
    case 'ended': {
      const builder = new StepBuilder(plan, null, null);
      const text = farewellFor(state, position.outcome);
      builder.add('farewell', estimateSpeechMs(text, plan.timescale), null, [
        { kind: 'tone', tone: 'finish' },
        { kind: 'speech', text, purpose: 'farewell' },
      ]);
      builder.add('end', 0, null, []);
      return { anchorAt: position.endedAt, steps: builder.steps, waitsFor: 'end' };
    }
  }
}

/** The complete score of a run of reps, including the reps already logged. */
export function fullBlockSteps(plan: SessionPlan, block: Block): TimelineStep[] {
  const builder = new StepBuilder(plan, block.phase, block.set);
  for (const line of block.leadIn) builder.addLine(line);
  addRest(builder, plan, block.restMs);
  builder.add('count-in', plan.countInMs, null, [
    { kind: 'tone', tone: 'ready' },
    { kind: 'speech', text: countInText(plan, block), purpose: 'instruction' },
  ]);
  for (let rep = block.firstRep; rep <= block.lastRep; rep++) {
    const squeezeSounds: Sound[] = [{ kind: 'tone', tone: 'squeeze' }];
    if (plan.spokenCounts)
      squeezeSounds.push({ kind: 'speech', text: phrases.count(rep), purpose: 'count' });
    builder.add('squeeze', plan.tempo.squeezeMs, rep, squeezeSounds);
    builder.add('hold', plan.tempo.holdMs, rep, []);
    builder.add('release', plan.tempo.releaseMs, rep, [{ kind: 'tone', tone: 'release' }]);
    if (rep < block.lastRep && plan.tempo.restBetweenRepsMs > 0) {
      builder.add('recover', plan.tempo.restBetweenRepsMs, rep, []);
    }
  }
  return builder.steps;
}

/** "Set 2 of 3. Ready." at the start of a work set, "Left leg. Ready." when a per-side set resumes. */
function countInText(plan: SessionPlan, block: Block): string {
  if (block.phase !== 'work' || block.set === null) return phrases.countIn(null, null);
  const label = setLabel(plan, block.set);
  return block.firstRep === 1
    ? phrases.countIn(label.set, label.of, label.side)
    : phrases.countIn(null, null, label.side);
}

/** Offset (from the block's anchor) at which a rep's release ends, i.e. the rep is complete. */
export function repEndOffsetMs(steps: readonly TimelineStep[], rep: number): number | null {
  const release = steps.find((step) => step.kind === 'release' && step.rep === rep);
  return release ? release.startMs + release.durationMs : null;
}

function blockTimeline(plan: SessionPlan, block: Block): Timeline {
  const all = fullBlockSteps(plan, block);
  const doneUntil =
    block.nextRep > block.firstRep ? (repEndOffsetMs(all, block.nextRep - 1) ?? 0) : 0;
  const ahead = all.filter((step) => step.startMs >= doneUntil);
  const end = all.length > 0 ? endOf(all) : 0;
  const after = followingCheckIn(plan, block);
  const steps = after === null ? ahead : [...ahead, ...checkInSteps(plan, after, end)];
  return { anchorAt: block.anchorAt, steps, waitsFor: after === null ? 'end' : 'answer' };
}

/** The check-in a block leads into, so its question can be scheduled with the reps. */
function followingCheckIn(plan: SessionPlan, block: Block): PendingCheckIn | null {
  if (block.phase === 'work' && !plan.work?.checkInAfterEachSet) return null;
  const atCap = block.phase === 'wake-up' && block.lastRep >= (plan.wakeUp?.capReps ?? Infinity);
  return {
    kind: 'check-in',
    phase: block.phase,
    set: block.set,
    rep: block.lastRep,
    reason: block.phase === 'work' ? 'set-end' : atCap ? 'cap' : 'interval',
    askedAt: 0,
    leadIn: [],
  };
}

export function checkInSteps(
  plan: SessionPlan,
  checkIn: PendingCheckIn,
  startMs: number,
): TimelineStep[] {
  const builder = new StepBuilder(plan, checkIn.phase, checkIn.set, startMs);
  for (const line of checkIn.leadIn) builder.addLine(line);
  const question =
    checkIn.phase === 'work'
      ? plan.protocol.checkIns.afterSetQuestion
      : plan.protocol.checkIns.question;
  builder.add('question', estimateSpeechMs(question, plan.timescale), checkIn.rep, [
    { kind: 'tone', tone: 'question' },
    { kind: 'speech', text: question, purpose: 'question' },
  ]);
  builder.add('await-answer', plan.answerTimeoutMs, checkIn.rep, []);
  return builder.steps;
}

/** When an unanswered check-in gives up, as an offset from its anchor. */
export function checkInTimeoutOffsetMs(plan: SessionPlan, checkIn: PendingCheckIn): number {
  return endOf(checkInSteps(plan, checkIn, 0));
}

function addRest(builder: StepBuilder, plan: SessionPlan, restMs: number): void {
  if (restMs <= 0) return;
  const warningMs = Math.round(10_000 * plan.timescale);
  if (restMs > warningMs * 1.5) {
    builder.add('rest', restMs - warningMs, null, []);
    builder.add('rest', warningMs, null, [
      { kind: 'speech', text: phrases.restEnding, purpose: 'instruction' },
    ]);
  } else {
    builder.add('rest', restMs, null, []);
  }
}

function endOf(steps: readonly TimelineStep[]): number {
  const last = steps[steps.length - 1];
  return last ? last.startMs + last.durationMs : 0;
}

class StepBuilder {
  readonly steps: TimelineStep[] = [];
  private cursorMs: number;

  constructor(
    private readonly plan: SessionPlan,
    private readonly phase: PhaseKind | null,
    private readonly set: number | null,
    startMs = 0,
  ) {
    this.cursorMs = startMs;
  }

  add(kind: StepKind, durationMs: number, rep: number | null, sounds: Sound[]): void {
    const duration = Math.max(0, Math.round(durationMs));
    this.steps.push({
      kind,
      startMs: this.cursorMs,
      durationMs: duration,
      phase: this.phase,
      set: this.set,
      rep,
      sounds,
    });
    this.cursorMs += duration;
  }

  addLine(line: Line): void {
    const sound: Sound =
      line.cueId === undefined
        ? { kind: 'speech', text: line.text, purpose: line.purpose }
        : { kind: 'speech', text: line.text, purpose: line.purpose, cueId: line.cueId };
    this.add('speech', estimateSpeechMs(line.text, this.plan.timescale), null, [sound]);
  }
}
