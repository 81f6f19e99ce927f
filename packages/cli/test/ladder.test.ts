// The progression ladder through the CLI: the whole ladder listed in order
// with each rung's readiness rule, a bridge planned in its own words, and
// bridges and lunges (left and right apart) simulated end to end.
import { describe, expect, it } from 'vitest';
import type { PlanOutline, SessionSummary } from '@glutewake/core';
import { glutewake } from './run.js';

interface Listed {
  id: string;
  name: string;
  perSide: boolean;
  readiness: { after: string; minPracticeDays: number; bothFiredWithinReps: number } | null;
  preActivation: { protocol: string; reps: number } | null;
}

describe('glutewake protocols', () => {
  it('lists the whole ladder in order, each rung with the rule that opens it', async () => {
    const run = await glutewake('protocols', '--json');
    expect(run.code).toBe(0);
    const listed = run.json<Listed[]>();
    expect(listed.map((p) => [p.id, p.readiness?.after ?? null])).toEqual([
      ['prone-ankle-squeeze', null],
      ['glute-bridge', 'prone-ankle-squeeze'],
      ['hip-thrust', 'glute-bridge'],
      ['bodyweight-squat', 'hip-thrust'],
      ['lunge', 'bodyweight-squat'],
    ]);
    expect(listed[1]).toMatchObject({
      name: 'Glute bridges',
      perSide: false,
      readiness: { minPracticeDays: 7, bothFiredWithinReps: 10 },
      preActivation: { protocol: 'prone-ankle-squeeze', reps: 20 },
    });
    expect(listed.filter((p) => p.perSide).map((p) => p.id)).toEqual(['lunge']);
  });

  it('shows the order in the table too', async () => {
    const run = await glutewake('protocols');
    expect(run.stdout).toMatch(/glute-bridge\s+1\s+Glute bridges \(after prone-ankle-squeeze\)/);
    expect(run.stdout).toMatch(/lunge\s+1\s+Lunges \(after bodyweight-squat\)/);
  });
});

describe('glutewake plan glute-bridge', () => {
  it('outlines a bridge session in its own words', async () => {
    const run = await glutewake('plan', 'glute-bridge');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Glute bridges (glute-bridge, version 1)');
    expect(run.stdout).toContain('Lie on your back on the floor');
    expect(run.stdout).toContain('One rep: lift 1 s, hold 2 s, lower 1.5 s, rest 1 s');
    expect(run.stdout).toContain('Before it, when chosen: 20 reps of prone-ankle-squeeze');
    expect(run.stdout).toContain(
      'Wake-up: lift until both glutes fire; check in every 5 reps; a report is welcome at any rep; at most 25 reps',
    );
    expect(run.stdout).toContain('Work: 3 sets of 12, 60 s rest between sets');
    expect(run.stdout).toContain(
      'Ready for it after prone-ankle-squeeze: practice on 7 of the last 14 days, and in each of the latest 3 sessions both glutes fired by rep 10 with an even balance.',
    );
    expect(run.stdout).toContain('sharp pain');
  });

  it('gives the outline as JSON, with a widening duration range', async () => {
    const plan = (await glutewake('plan', 'glute-bridge', '--json')).json<PlanOutline>();
    expect(plan.wording.rep).toBe('lift');
    expect(plan.readiness?.after).toBe('prone-ankle-squeeze');
    const { quickest, typical, longest } = plan.durationSeconds;
    expect(quickest).toBeLessThan(typical);
    expect(typical).toBeLessThan(longest);
  });

  it('plans lunges leg by leg', async () => {
    const run = await glutewake('plan', 'lunge');
    expect(run.stdout).toContain('Work: 3 sets of 8 on each leg (left, then right)');
    const plan = (await glutewake('plan', 'lunge', '--json')).json<PlanOutline>();
    expect(plan.work).toMatchObject({ sets: 3, repsPerSet: 8, perSide: true });
  });
});

describe('glutewake simulate', () => {
  it('runs a bridge session', async () => {
    const run = await glutewake(
      'simulate',
      'glute-bridge',
      '--felt',
      '10:thighs 20:left 25:right',
      '--json',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const summary = run.json<SessionSummary>();
    expect(summary.protocol).toEqual({ id: 'glute-bridge', version: 1 });
    expect(summary.outcome).toBe('activated');
    expect(summary.wakeUp).toMatchObject({ reps: 25, leftFiredAtRep: 20, rightFiredAtRep: 25 });
    expect(summary.work).toMatchObject({ sets: [12, 12, 12], sides: [null, null, null] });
  });

  it('runs a lunge session with left and right apart', async () => {
    const felt = '6:thighs 12:left 18:both s1L:left/even s1R:right/left-stronger';
    const run = await glutewake('simulate', 'lunge', '--felt', felt);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Work sets: left 8, right 8, left 8, right 8, left 8, right 8');
    expect(run.stdout).toMatch(/after set 1 left\s+left glute, even/);
    expect(run.stdout).toMatch(
      /after set 1 right\s+right glute, left-stronger -> weaker-side, fingertips/,
    );
    const summary = (
      await glutewake('simulate', 'lunge', '--felt', felt, '--json')
    ).json<SessionSummary>();
    expect(summary.work.sides).toEqual(['left', 'right', 'left', 'right', 'left', 'right']);
    expect(summary.work.balance).toEqual([
      'even',
      'left-stronger',
      'left-stronger',
      'left-stronger',
      'left-stronger',
      'left-stronger',
    ]);
  });

  it('prints the lunge timeline with the leg of each set', async () => {
    const run = await glutewake('simulate', 'lunge', '--felt', '6:both', '--timeline');
    expect(run.stdout).toMatch(
      /count-in .*set 1 left\s+\[ready tone\] "Left leg, set 1 of 3\. Ready\."/,
    );
    expect(run.stdout).toMatch(/speech .*set 1 right\s+"Switch to your right leg\."/);
    expect(run.stdout).toMatch(/squeeze .*set 3 right rep 8/);
  });

  it('notes a leg named for a protocol that is not per side', async () => {
    const run = await glutewake('simulate', 'glute-bridge', '--felt', '5:both s1R:both');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 scripted moment(s) never came');
  });
});
