// What is happening right now in a timeline, for the screen: the current
// step, and how long until the next check-in, the end of the set or the end
// of the rest.
import type { Timeline, TimelineStep } from '@glutewake/core';

export interface NowView {
  step: TimelineStep | null;
  /** Label of the countdown and the milliseconds left on it. */
  countdown: { kind: 'check-in' | 'set-end' | 'rest' | 'answer'; msLeft: number } | null;
}

export function viewAt(timeline: Timeline, now: number): NowView {
  const at = (step: TimelineStep) => timeline.anchorAt + step.startMs;
  const step = timeline.steps.find((s) => at(s) <= now && now < at(s) + s.durationMs) ?? null;
  const question = timeline.steps.find((s) => s.kind === 'question');
  const lastRelease = [...timeline.steps].reverse().find((s) => s.kind === 'release');
  if (step?.kind === 'await-answer') {
    return { step, countdown: { kind: 'answer', msLeft: at(step) + step.durationMs - now } };
  }
  const rest = timeline.steps.filter((s) => s.kind === 'rest');
  const restEnd = rest.length > 0 ? Math.max(...rest.map((s) => at(s) + s.durationMs)) : null;
  if (step?.kind === 'rest' && restEnd !== null) {
    return { step, countdown: { kind: 'rest', msLeft: restEnd - now } };
  }
  if (step?.phase === 'wake-up' && question) {
    return { step, countdown: { kind: 'check-in', msLeft: at(question) - now } };
  }
  if (step?.phase === 'work' && lastRelease) {
    return {
      step,
      countdown: { kind: 'set-end', msLeft: at(lastRelease) + lastRelease.durationMs - now },
    };
  }
  return { step, countdown: null };
}
