// The session scenarios of the foundation issue, driven through the CLI.
import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '@glutewake/core';
import { glutewake } from './run.js';

async function simulate(felt: string, ...extra: string[]) {
  const run = await glutewake(
    'simulate',
    'prone-ankle-squeeze',
    '--felt',
    felt,
    '--json',
    ...extra,
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.json<SessionSummary>();
}

describe('glutewake simulate', () => {
  it('follows the expected course: thighs, hamstrings, left, then both', async () => {
    const summary = await simulate('10:thighs 20:hamstrings 30:left 40:both');
    expect(summary.outcome).toBe('activated');
    expect(summary.wakeUp).toMatchObject({ reps: 40, leftFiredAtRep: 30, rightFiredAtRep: 40 });
    expect(summary.work.sets).toEqual([20, 20, 20]);
    expect(summary.durationSeconds).toBeGreaterThan(0);
  });

  it('keeps going when one side fires first, with the asymmetry cue', async () => {
    const summary = await simulate('10:right 20:right 30:both');
    expect(summary.wakeUp).toMatchObject({ reps: 30, leftFiredAtRep: 30, rightFiredAtRep: 10 });
    expect(summary.checkIns[0]?.cues).toEqual(['asymmetry', 'fingertips-sleepy-side']);
    expect(summary.outcome).toBe('activated');
  });

  it('stops at the safety cap when nothing fires', async () => {
    const summary = await simulate('10:none');
    expect(summary).toMatchObject({
      outcome: 'not-yet',
      wakeUp: { reps: 60, leftFiredAtRep: null },
    });
    expect(summary.work.sets).toEqual([]);
  });

  it('ends with one side when only one glute wakes before the cap', async () => {
    const summary = await simulate('20:left');
    expect(summary).toMatchObject({
      outcome: 'one-side',
      wakeUp: { reps: 60, leftFiredAtRep: 20, rightFiredAtRep: null },
    });
  });

  it('accepts a spontaneous report between check-ins', async () => {
    const summary = await simulate('7:left 13:right');
    expect(summary.wakeUp).toMatchObject({ reps: 13, leftFiredAtRep: 7, rightFiredAtRep: 13 });
    expect(summary.reports.filter((r) => r.source === 'spontaneous').map((r) => r.rep)).toEqual([
      7, 13,
    ]);
  });

  it('continues at the same rep after an hour-long pause', async () => {
    const paused = await simulate('12:pause=1h 30:both');
    const straight = await simulate('30:both');
    expect(paused.pausedSeconds).toBe(3600);
    expect(paused.wakeUp).toEqual(straight.wakeUp);
    expect(paused.work).toEqual(straight.work);
  });

  it('records a stop in the middle of a set', async () => {
    const summary = await simulate('30:both s2r7:stop');
    expect(summary.outcome).toBe('stopped');
    expect(summary.work.sets).toEqual([20, 7]);
  });

  it('records "no answer" when a check-in times out', async () => {
    const summary = await simulate('10:silent 20:both');
    expect(summary.checkIns[0]?.felt).toBeNull();
    expect(summary.outcome).toBe('activated');
  });

  it('honours settings such as a shorter check-in interval', async () => {
    const summary = await simulate('15:both', '--settings', '{"checkInEveryReps":5}');
    expect(summary.checkIns.map((c) => c.rep).slice(0, 3)).toEqual([5, 10, 15]);
  });

  it('prints the full cue timeline as a score', async () => {
    const run = await glutewake(
      'simulate',
      'prone-ankle-squeeze',
      '--felt',
      '10:both',
      '--timeline',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/squeeze\s+0\.600s\s+wake-up rep 1\s+\[squeeze tone\] "1"/);
    expect(run.stdout).toMatch(/question .*"Where do you feel it\?"/);
    expect(run.stdout).toContain('Outcome: activated');
  });

  it('includes the timeline in JSON when asked', async () => {
    const run = await glutewake(
      'simulate',
      'prone-ankle-squeeze',
      '--felt',
      '10:both',
      '--json',
      '--timeline',
    );
    const output = run.json<{ timeline: { startMs: number; durationMs: number }[] }>();
    expect(output.timeline.length).toBeGreaterThan(100);
  });

  it('explains a script it cannot read', async () => {
    const run = await glutewake('simulate', 'prone-ankle-squeeze', '--felt', '10:elbows');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown region "elbows"');
  });
});
