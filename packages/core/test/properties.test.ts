// Properties of the session engine over random, schema-valid logs: it never
// throws, a log always rebuilds the same state, the timeline of every
// reachable state is contiguous, finished sessions have full work sets, glute
// firing follows the reports, and the cues depend only on what was reported.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  chooseCues,
  DEFAULT_SIMULATION_START,
  foldSession,
  summarize,
  timelineOf,
  type SessionState,
  type Simulation,
  type TimelineStep,
} from '../src/index.js';
import { validateSessionEvent } from '../src/validation.js';
import { driveToEnd, play, scriptArb, sessionArb, SEED, settingsArb } from './arbitraries.js';
import { run } from './helpers.js';

const options = { seed: SEED, numRuns: 150 };

/** The first way a timeline breaks its invariants, or null (cheap enough to run on every state). */
function timelineFlaw(steps: readonly TimelineStep[]): string | null {
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index] as TimelineStep;
    if (!(step.durationMs >= 0)) return `step ${index} lasts ${step.durationMs} ms`;
    if (!Number.isInteger(step.startMs)) return `step ${index} starts at ${step.startMs} ms`;
    const previous = steps[index - 1];
    if (previous && step.startMs !== previous.startMs + previous.durationMs) {
      return `step ${index} (${step.kind}) starts at ${step.startMs}, not where step ${index - 1} ended`;
    }
  }
  return null;
}

describe('any log of valid events', () => {
  test('is made of events the schema accepts (the generator is honest)', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        for (const event of play(session).events) {
          const checked = validateSessionEvent(event);
          expect(checked.ok ? [] : checked.problems).toEqual([]);
        }
      }),
      { ...options, numRuns: 50 },
    );
  });

  test('folds without throwing, and folding it again gives the same state and summary', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const { events, states, lookup } = play(session);
        const once = foldSession(lookup, events);
        const again = foldSession(lookup, JSON.parse(JSON.stringify(events)));
        expect(again).toEqual(once);
        expect(once).toEqual(states[states.length - 1]);
        expect(summarize(again)).toEqual(summarize(once));
      }),
      options,
    );
  });

  test('every reachable state has a sorted, gap-free timeline with no negative durations', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        for (const state of play(session).states) {
          expect(timelineFlaw(timelineOf(state).steps)).toBeNull();
        }
      }),
      options,
    );
  });

  test('never moves time backwards and only ever adds reps, check-ins and reports', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const { states } = play(session);
        states.slice(1).forEach((state, index) => {
          const before = states[index] as SessionState;
          expect(state.lastEventAt).toBeGreaterThanOrEqual(before.lastEventAt);
          expect(state.wakeUpRepsDone).toBeGreaterThanOrEqual(before.wakeUpRepsDone);
          expect(state.checkIns.length).toBeGreaterThanOrEqual(before.checkIns.length);
          expect(state.reports.length).toBeGreaterThanOrEqual(before.reports.length);
          for (const glute of ['left', 'right'] as const) {
            if (before.firedAtRep[glute] !== null) {
              expect(state.firedAtRep[glute]).toBe(before.firedAtRep[glute]);
            }
          }
        });
      }),
      options,
    );
  });

  test('records a glute as fired at the rep of the first wake-up report that named it', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const { events, lookup } = play(session);
        const state = driveToEnd(lookup, foldSession(lookup, events));
        for (const glute of ['left', 'right'] as const) {
          const first = state.reports.find(
            (r) => r.phase === 'wake-up' && r.regions.includes(glute),
          );
          expect(state.firedAtRep[glute]).toBe(first?.rep ?? null);
        }
      }),
      options,
    );
  });
});

describe('a session driven to its end', () => {
  test('ends, and every finished work set has exactly the planned reps', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const { events, lookup } = play(session);
        const state = driveToEnd(lookup, foldSession(lookup, events));
        expect(state.position.kind).toBe('ended');
        if (state.position.kind !== 'ended' || state.plan === null) return;
        const { outcome } = state.position;
        const work = state.plan.work;
        const sets = summarize(state).work.sets;
        const finished = outcome === 'stopped' ? sets.slice(0, -1) : sets;
        for (const reps of finished) expect(reps).toBe(work?.repsPerSet);
        if (outcome === 'stopped' && sets.length > 0) {
          expect(sets[sets.length - 1]).toBeLessThanOrEqual(work?.repsPerSet ?? 0);
        }
        if (outcome === 'activated' || outcome === 'completed')
          expect(sets.length).toBe(work?.sets ?? 0);
        if (outcome === 'not-yet' || outcome === 'one-side') {
          expect(sets).toEqual([]);
          expect(state.wakeUpRepsDone).toBe(state.plan.wakeUp?.capReps);
        }
      }),
      options,
    );
  });
});

describe('the cues', () => {
  const cuesOf = (summary: ReturnType<typeof summarize>) => ({
    checkIns: summary.checkIns.map((c) => c.cues),
    reports: summary.reports.map((r) => [r.rep, r.felt, r.cues]),
  });

  test('are the same when the same script is run again, at another time, at another speed', () => {
    fc.assert(
      fc.property(scriptArb, fc.double({ min: 0.001, max: 1, noNaN: true }), (text, timescale) => {
        const first = run(text);
        const again = run(text);
        expect(again.events).toEqual(first.events);
        expect(again.summary).toEqual(first.summary);
        const later = run(text, { startAt: DEFAULT_SIMULATION_START + 86_400_000 * 37 + 12_345 });
        const faster = run(text, { settings: { timescale } });
        expect(cuesOf(later.summary)).toEqual(cuesOf(first.summary));
        expect(cuesOf(faster.summary)).toEqual(cuesOf(first.summary));
        expect(faster.summary.wakeUp).toEqual(first.summary.wakeUp);
        expect(faster.summary.work).toEqual(first.summary.work);
        expect(faster.summary.outcome).toBe(first.summary.outcome);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  test('chooseCues depends on the reports, not on the clock', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: -1e9, max: 1e9 }), (session, shiftMs) => {
        for (const state of play(session).states) {
          if (state.plan === null || state.position.kind === 'not-started') continue;
          const report = {
            phase: 'wake-up' as const,
            rep: state.wakeUpRepsDone,
            regions: ['thighs' as const],
            balance: null,
            source: 'check-in' as const,
          };
          const cues = chooseCues(state.plan, state, report);
          expect(chooseCues(state.plan, state, report)).toEqual(cues);
          const shifted: SessionState = {
            ...state,
            startedAt: (state.startedAt ?? 0) + shiftMs,
            lastEventAt: state.lastEventAt + shiftMs,
            pausedMs: state.pausedMs + Math.abs(shiftMs),
            timeUnderTensionMs: 0,
          };
          expect(chooseCues(state.plan, shifted, report)).toEqual(cues);
        }
      }),
      { ...options, numRuns: 60 },
    );
  });
});

describe('a scripted pause', () => {
  /** The numbers that do not depend on how long anything took. */
  const countsOf = (sim: Simulation) => {
    const { outcome, wakeUp, work, checkIns, reports, ignoredEvents } = sim.summary;
    const unused = sim.unusedActions.filter((action) => action.kind !== 'pause');
    return { outcome, wakeUp, work, checkIns, reports, ignoredEvents, unused };
  };

  test('anywhere in a script, changes the durations and nothing else', () => {
    fc.assert(
      fc.property(scriptArb, fc.nat(), fc.integer({ min: 1, max: 60 }), (text, pick, rep) => {
        const tokens = text.split(' ').filter(Boolean);
        // Half the time pause at a moment the script already uses, where reports may be due too.
        const scripted = tokens[pick % Math.max(1, tokens.length)]?.split(':')[0];
        const when = pick % 2 === 0 && scripted !== undefined ? scripted : String(rep);
        const plain = run(text);
        const paused = run(`${text} ${when}:pause=10m`);
        expect(countsOf(paused)).toEqual(countsOf(plain));
        expect(paused.summary.timeUnderTensionSeconds).toBe(plain.summary.timeUnderTensionSeconds);
        expect(paused.summary.durationSeconds).toBeGreaterThanOrEqual(
          plain.summary.durationSeconds,
        );
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

test('settings from the whole schema range never break a fresh session', () => {
  fc.assert(
    fc.property(settingsArb, (settings) => {
      const sim = run('15:left 25:both s1:both/left-stronger', {
        settings: { ...settings, sets: 2, repsPerSet: 5 },
      });
      expect(sim.state.position.kind).toBe('ended');
      expect(sim.summary.ignoredEvents).toBe(0);
    }),
    { seed: SEED, numRuns: 40 },
  );
});
