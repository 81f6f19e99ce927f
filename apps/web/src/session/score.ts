// Whether a new timeline only continues the one already scheduled: every step
// it has is already there at the same absolute time, with the same sounds.
// Then nothing needs to be rescheduled (a rep was logged, or a block reached
// its check-in on time), and no sound is cut off or played twice.
import type { Timeline, TimelineStep } from '@glutewake/core';

export function sameScore(scheduled: Timeline, next: Timeline): boolean {
  if (next.steps.length === 0) return scheduled.steps.length === 0;
  const known = new Set(scheduled.steps.map((step) => stepKey(scheduled.anchorAt, step)));
  return next.steps.every((step) => known.has(stepKey(next.anchorAt, step)));
}

function stepKey(anchorAt: number, step: TimelineStep): string {
  const sounds = step.sounds.map((sound) => (sound.kind === 'tone' ? sound.tone : sound.text));
  return JSON.stringify([anchorAt + step.startMs, step.kind, step.durationMs, sounds]);
}
