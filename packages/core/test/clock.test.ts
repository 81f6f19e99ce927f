// The clock helper: which event time alone produces next, and `advance`,
// which applies every event due by `now`, stamped with its ideal time. The
// timeline predicts the rep completions, and a caller that ticks late or
// jittery ends up with exactly the log of a caller that ticked once.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  advance,
  applyEvent,
  DEFAULT_SIMULATION_START as T0,
  foldSession,
  initialSessionState,
  nextClockEvent,
  timelineOf,
  type SessionEvent,
  type SessionSettings,
  type SessionState,
} from '../src/index.js';
import { play, sessionArb, SEED } from './arbitraries.js';
import { lookup, squeezes } from './helpers.js';

const MINUTE = 60_000;

function started(settings: SessionSettings = {}): SessionState {
  return foldSession(lookup, [
    {
      type: 'session.started',
      at: T0,
      v: 1,
      sessionId: 'clock',
      protocol: { id: squeezes.id, version: squeezes.version },
      settings,
    },
  ]);
}

/** When each rep of the current run ends, as the timeline announces it. */
function predictedReps(state: SessionState) {
  const { anchorAt, steps } = timelineOf(state);
  return steps
    .filter((step) => step.kind === 'release')
    .map((step) => ({
      type: 'rep.completed',
      at: anchorAt + step.startMs + step.durationMs,
      phase: step.phase,
      set: step.set,
      rep: step.rep,
    }));
}

describe('nextClockEvent', () => {
  test('says nothing before the session starts, while paused, or after the end', () => {
    expect(nextClockEvent(initialSessionState)).toBeNull();
    const paused = applyEvent(lookup, started(), { type: 'session.paused', at: T0 + 5000 });
    expect(nextClockEvent(paused)).toBeNull();
    const stopped = applyEvent(lookup, started(), { type: 'session.stopped', at: T0 + 5000 });
    expect(nextClockEvent(stopped)).toBeNull();
  });

  test('puts the first rep at the end of its release, after the spoken opening and count-in', () => {
    const state = started();
    const due = nextClockEvent(state);
    expect(due).toEqual(predictedReps(state)[0]);
    const countIn = timelineOf(state).steps.find((step) => step.kind === 'count-in');
    expect(due?.at).toBe(
      T0 + (countIn?.startMs ?? NaN) + (countIn?.durationMs ?? NaN) + 600 + 2000 + 1000,
    );
  });

  test('spaces reps by squeeze + hold + release + recovery (4.6 s by default, 3.6 s with a 1 s hold)', () => {
    const gaps = (settings: SessionSettings) => {
      // The first run of reps: 1 to 10, before the first check-in.
      const reps = advance(lookup, started(settings), T0 + 2 * MINUTE)
        .events.filter((event) => event.type === 'rep.completed')
        .slice(0, 10);
      return new Set(reps.slice(1).map((rep, i) => rep.at - (reps[i] as SessionEvent).at));
    };
    expect(gaps({})).toEqual(new Set([4600]));
    expect(gaps({ holdMs: 1000 })).toEqual(new Set([3600]));
  });

  test('gives an unanswered check-in its question plus the answer time-out', () => {
    const atCheckIn = advance(lookup, started(), T0 + 1.5 * MINUTE).state;
    expect(atCheckIn.position.kind).toBe('check-in');
    const timeline = timelineOf(atCheckIn);
    const question = timeline.steps.find((step) => step.kind === 'question');
    expect(nextClockEvent(atCheckIn)).toEqual({
      type: 'checkIn.timedOut',
      at: timeline.anchorAt + (question?.durationMs ?? NaN) + 30_000,
    });
  });
});

describe('advance', () => {
  test('returns nothing and the same state when nothing is due yet', () => {
    const state = started();
    const result = advance(lookup, state, T0 + 1000);
    expect(result.events).toEqual([]);
    expect(result.state).toBe(state);
  });

  test('stamps events with their ideal time, not the moment the caller noticed', () => {
    const now = T0 + 10 * MINUTE;
    const { events } = advance(lookup, started(), now);
    const [firstRep] = events;
    expect(firstRep).toEqual(nextClockEvent(started()));
    expect(events.every((event) => event.at <= now)).toBe(true);
    expect(events.map((event) => event.at)).toEqual(
      [...events.map((event) => event.at)].sort((a, b) => a - b),
    );
  });

  test('carries on after a check-in nobody answers: a time-out, then the next ten reps', () => {
    const { events, state } = advance(lookup, started(), T0 + 3 * MINUTE);
    const types = events.map((event) => (event.type === 'rep.completed' ? event.rep : event.type));
    expect(types.slice(0, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 'checkIn.timedOut', 11]);
    expect(state.checkIns[0]).toMatchObject({ rep: 10, regions: null, answeredAt: null });
  });

  test('produces exactly the rep completions and time-outs the timeline predicts (property)', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const { states, lookup } = play(session);
        for (const state of states) {
          if (state.position.kind === 'check-in') {
            // The time-out falls when the timeline's wait for an answer ends.
            const { anchorAt, steps } = timelineOf(state);
            const wait = steps[steps.length - 1];
            expect(wait?.kind).toBe('await-answer');
            expect(nextClockEvent(state)?.at).toBe(
              anchorAt + (wait?.startMs ?? NaN) + (wait?.durationMs ?? NaN),
            );
          }
          if (state.position.kind !== 'block') continue;
          const predicted = predictedReps(state);
          const last = predicted[predicted.length - 1];
          expect(last).toBeDefined();
          const { events } = advance(lookup, state, last?.at ?? 0);
          expect(events).toEqual(predicted);
          let walked = state;
          for (const event of events) {
            expect(nextClockEvent(walked)).toEqual(event);
            walked = applyEvent(lookup, walked, event);
          }
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  test('gives a jittery caller the same events and state as one big tick (property)', () => {
    const ticksArb = fc.array(fc.integer({ min: 1, max: 45_000 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(sessionArb, ticksArb, fc.nat({ max: 40 }), (session, ticks, pick) => {
        const { states, events: log, lookup } = play(session);
        const from = states[pick % states.length] as SessionState;
        const until = from.lastEventAt + ticks.reduce((sum, tick) => sum + tick, 0);
        const once = advance(lookup, from, until);
        let state = from;
        let now = from.lastEventAt;
        const events: SessionEvent[] = [];
        for (const tick of ticks) {
          now += tick;
          const step = advance(lookup, state, now);
          events.push(...step.events);
          state = step.state;
        }
        expect(events).toEqual(once.events);
        expect(state).toEqual(once.state);
        expect(
          foldSession(lookup, [...log.slice(0, (pick % states.length) + 1), ...events]),
        ).toEqual(once.state);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
