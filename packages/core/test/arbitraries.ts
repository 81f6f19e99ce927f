// fast-check generators for the engine's property tests: schema-valid
// settings, random user events at random times, clock steps that apply the
// events `nextClockEvent` says are due, and random session scripts. A log is
// built by playing the steps against the real engine, so every event's `at`
// lies in a window around the session's own time.
import fc from 'fast-check';
import {
  applyEvent,
  BALANCES,
  DEFAULT_SIMULATION_START,
  initialSessionState,
  nextClockEvent,
  REGIONS,
  SYMPTOMS,
  type Region,
  type SessionEvent,
  type SessionSettings,
  type Protocol,
  type ProtocolLookup,
  type SessionState,
} from '../src/index.js';
import { lookupFor, protocolVariants, squeezes } from './helpers.js';

/** Fixed seeds keep every property run reproducible; a failure prints its own seed and path. */
export const SEED = 20_260_105;

const cueIds = squeezes.cues.map((cue) => cue.id);

export const settingsArb: fc.Arbitrary<SessionSettings> = fc.record(
  {
    holdMs: fc.integer({ min: 500, max: 5000 }),
    restBetweenSetsSeconds: fc.integer({ min: 0, max: 600 }),
    checkInEveryReps: fc.integer({ min: 1, max: 100 }),
    wakeUpCapReps: fc.integer({ min: 1, max: 500 }),
    answerTimeoutSeconds: fc.integer({ min: 5, max: 600 }),
    // Valid up to 20 x 200; kept small so that driving sessions to the end stays quick.
    sets: fc.integer({ min: 1, max: 4 }),
    repsPerSet: fc.integer({ min: 1, max: 25 }),
    spokenCounts: fc.boolean(),
    speakSetup: fc.boolean(),
    favouredCues: fc.subarray(cueIds, { maxLength: 4 }),
    skipWakeUp: fc.boolean(),
    leadsInto: fc.constantFrom({ id: 'glute-bridge', version: 1 }, { id: 'nowhere', version: 3 }),
    timescale: fc.double({ min: 0.001, max: 1, noNaN: true }),
  },
  { requiredKeys: [] },
);

// Glutes come up often enough that sessions regularly reach the work phase.
export const regionsArb = fc.oneof(
  fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 3 }),
  fc.constantFrom<Region[]>(['left'], ['right'], ['left', 'right']),
);
const balanceArb = fc.constantFrom(...BALANCES);

type EventBody = SessionEvent extends infer E
  ? E extends SessionEvent
    ? Omit<E, 'at'>
    : never
  : never;

const eventBodyArb: fc.Arbitrary<EventBody> = fc.oneof(
  { arbitrary: regionsArb.map((regions) => ({ type: 'felt' as const, regions })), weight: 10 },
  {
    arbitrary: fc
      .record({ regions: regionsArb, balance: balanceArb }, { requiredKeys: ['regions'] })
      .map((answer) => ({ type: 'checkIn.answered' as const, ...answer })),
    weight: 12,
  },
  { arbitrary: fc.constant({ type: 'checkIn.timedOut' as const }), weight: 2 },
  {
    arbitrary: balanceArb.map((balance) => ({ type: 'balance.reported' as const, balance })),
    weight: 3,
  },
  { arbitrary: fc.constant({ type: 'session.paused' as const }), weight: 3 },
  { arbitrary: fc.constant({ type: 'session.resumed' as const }), weight: 4 },
  { arbitrary: fc.constant({ type: 'session.stopped' as const }), weight: 1 },
  {
    arbitrary: fc
      .record(
        {
          symptoms: fc.record(
            Object.fromEntries(SYMPTOMS.map((s) => [s, fc.integer({ min: 0, max: 10 })])),
            { requiredKeys: [] },
          ),
          note: fc
            .string({ minLength: 1, maxLength: 40 })
            .filter((n) => /^[ -~]*\S[ -~]*$/.test(n)),
        },
        { requiredKeys: ['symptoms'] },
      )
      .map((logged) => ({ type: 'symptoms.logged' as const, ...logged })),
    weight: 2,
  },
  {
    arbitrary: fc
      .record({
        phase: fc.constantFrom('wake-up' as const, 'work' as const),
        set: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
        rep: fc.integer({ min: 1, max: 60 }),
      })
      .map((rep) => ({ type: 'rep.completed' as const, ...rep })),
    weight: 2,
  },
);

/** One step of a generated session: clock events falling due, or something the person does. */
export type Step =
  { kind: 'clock'; count: number } | { kind: 'user'; afterMs: number; body: EventBody };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.integer({ min: 1, max: 40 }).map((count) => ({ kind: 'clock' as const, count })),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('user' as const),
      // Negative offsets are clocks that went backwards; the engine must cope.
      afterMs: fc.integer({ min: -5_000, max: 90_000 }),
      body: eventBodyArb,
    }),
    weight: 2,
  },
);

export interface Played {
  events: SessionEvent[];
  /** The state after each event, index 0 after `session.started`. */
  states: SessionState[];
  lookup: ProtocolLookup;
}

export interface GeneratedSession {
  protocol: Protocol;
  settings: SessionSettings;
  steps: Step[];
}

/** Builds a log by playing the steps against the engine, from `session.started` on. */
export function play({ protocol, settings, steps }: GeneratedSession): Played {
  const lookup = lookupFor(protocol);
  const events: SessionEvent[] = [];
  const states: SessionState[] = [];
  let state = initialSessionState;
  const push = (event: SessionEvent) => {
    events.push(event);
    state = applyEvent(lookup, state, event);
    states.push(state);
  };
  push({
    type: 'session.started',
    at: DEFAULT_SIMULATION_START,
    v: 1,
    sessionId: 'property',
    protocol: { id: protocol.id, version: protocol.version },
    settings,
  });
  for (const step of steps) {
    if (step.kind === 'clock') {
      for (let i = 0; i < step.count; i++) {
        const due = nextClockEvent(state);
        if (due === null) break;
        push(due);
      }
    } else {
      push({ ...step.body, at: state.lastEventAt + step.afterMs } as SessionEvent);
    }
  }
  return { events, states, lookup };
}

const variantArb = fc.oneof(
  { arbitrary: fc.constant(protocolVariants.builtin), weight: 6 },
  fc.constantFrom(...Object.values(protocolVariants)),
);

export const sessionArb: fc.Arbitrary<GeneratedSession> = fc.record({
  protocol: variantArb,
  settings: settingsArb,
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
});

/** Drives a session to its end the way an app would: clock events, resuming any pause. */
export function driveToEnd(
  lookup: ProtocolLookup,
  start: SessionState,
  limit = 50_000,
): SessionState {
  let state = start;
  for (let i = 0; i < limit && state.position.kind !== 'ended'; i++) {
    const due: SessionEvent | null =
      state.position.kind === 'paused'
        ? { type: 'session.resumed', at: state.lastEventAt + 1000 }
        : nextClockEvent(state);
    if (due === null) break;
    state = applyEvent(lookup, state, due);
  }
  return state;
}

const wakeUpToken = fc
  .record({
    rep: fc.integer({ min: 1, max: 70 }),
    what: fc.oneof(
      fc
        .subarray(['thighs', 'hamstrings', 'back', 'left', 'right', 'both', 'none'], {
          minLength: 1,
          maxLength: 2,
        })
        .map((w) => w.join(',')),
      fc.constantFrom('silent', 'pause=90s', 'stop'),
    ),
  })
  .map(({ rep, what }) => `${rep}:${what}`);

const workToken = fc
  .record({
    set: fc.integer({ min: 1, max: 3 }),
    rep: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    regions: fc.constantFrom('both', 'left', 'right', 'thighs', 'none'),
    balance: fc.option(balanceArb, { nil: null }),
  })
  .map(
    ({ set, rep, regions, balance }) =>
      `s${set}${rep === null ? '' : `r${rep}`}:${regions}${balance === null ? '' : `/${balance}`}`,
  );

/** A random session script, like "7:left 20:thighs,right s2:both/left-stronger". */
export const scriptArb = fc
  .array(fc.oneof({ arbitrary: wakeUpToken, weight: 3 }, { arbitrary: workToken, weight: 2 }), {
    maxLength: 8,
  })
  .map((tokens) => tokens.join(' '));
