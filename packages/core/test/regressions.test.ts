// Bugs the suite once found, each pinned as a plain example so it stays
// fixed. Counterexamples from fast-check keep the seed and path that found
// them; the input is the shrunk one, written out as events or a script.
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SIMULATION_START as T0,
  foldSession,
  summarize,
  timelineOf,
  type SessionEvent,
} from '../src/index.js';
import { validateProtocol, validateSessionEvent } from '../src/validation.js';
import { lookup, protocolCopy, protocolVariants, run, squeezes } from './helpers.js';

const start: SessionEvent = {
  type: 'session.started',
  at: T0,
  v: 1,
  sessionId: 'regression',
  protocol: { id: squeezes.id, version: squeezes.version },
  settings: {},
};

describe('reports made during a pause', () => {
  // fast-check, seed 20260105, path "25:0:0:0:0:0:0:0:0:0:3:5:6:3" (properties.test.ts,
  // "records a glute as fired at the rep of the first wake-up report that named it"):
  // the report was stored, but the glute it named was never recorded as fired.
  test('a glute felt while paused counts as fired (shrunk counterexample)', () => {
    const state = foldSession(lookup, [
      start,
      { type: 'session.paused', at: T0 },
      { type: 'felt', at: T0, regions: ['right'] },
    ]);
    expect(state.reports.map((r) => [r.rep, r.regions])).toEqual([[0, ['right']]]);
    expect(state.firedAtRep).toEqual({ left: null, right: 0 });
  });

  test('both glutes felt while paused: the resume goes on to the work sets', () => {
    const state = foldSession(lookup, [
      start,
      { type: 'rep.completed', at: T0 + 44_320, phase: 'wake-up', set: null, rep: 1 },
      { type: 'session.paused', at: T0 + 45_000 },
      { type: 'felt', at: T0 + 50_000, regions: ['left', 'right'] },
      { type: 'session.resumed', at: T0 + 60_000 },
    ]);
    expect(summarize(state).wakeUp).toEqual({
      reps: 1,
      leftFiredAtRep: 1,
      rightFiredAtRep: 1,
      bothFiredAtRep: 1,
    });
    expect(state.position).toMatchObject({ kind: 'block', phase: 'work', set: 1, nextRep: 1 });
  });
});

describe('a pause at the moment something is said', () => {
  // fast-check, seed 20260105, path "11:1:1:1:1" (properties.test.ts, "a scripted pause
  // anywhere in a script changes the durations and nothing else"), shrunk to "1:both"
  // with a pause at rep 1. It found two bugs in turn.

  // 1. The simulator handled the pause first and never played the report at that rep.
  test('a report scripted at the same rep as a pause is still made', () => {
    const sim = run('1:both 1:pause=10m');
    expect(sim.unusedActions).toEqual([]);
    expect(sim.summary.wakeUp).toMatchObject({ reps: 1, bothFiredAtRep: 1 });
    expect(sim.summary.pausedSeconds).toBe(600);
    expect(sim.events.map((e) => e.type).slice(1, 5)).toEqual([
      'rep.completed',
      'felt',
      'session.paused',
      'session.resumed',
    ]);
  });

  // 2. Resuming replaced everything the coach had still to say with "welcome back".
  test('pausing while the coach is still speaking keeps the lines not yet said', () => {
    const sim = run('1:both 1:pause=10m');
    const resumed = sim.events.findIndex((e) => e.type === 'session.resumed');
    const state = foldSession(lookup, sim.events.slice(0, resumed + 1));
    const said = timelineOf(state).steps.flatMap((step) =>
      step.sounds.flatMap((sound) => (sound.kind === 'speech' ? [sound.text] : [])),
    );
    expect(said.slice(0, 5)).toEqual([
      'Welcome back. Set 1, squeeze 1.',
      'Got it.',
      'Both glutes are awake. Well done.',
      'Now 3 sets of 20 to lock it in.',
      'Set 1 of 3. Ready.',
    ]);
  });

  test('lines already said are not repeated, and neither is the welcome after a second pause', () => {
    const answered = run('10:left 20:both').events.filter(
      (e) => e.type !== 'rep.completed' || e.rep <= 10,
    );
    const atAnswer = answered.findIndex((e) => e.type === 'checkIn.answered');
    const answerAt = answered[atAnswer]?.at ?? 0;
    const state = foldSession(lookup, [
      ...answered.slice(0, atAnswer + 1),
      // The first cue takes 5.8 s to say; pause during the second.
      { type: 'session.paused', at: answerAt + 7000 },
      { type: 'session.resumed', at: answerAt + 60_000 },
      { type: 'session.paused', at: answerAt + 60_500 },
      { type: 'session.resumed', at: answerAt + 90_000 },
    ]);
    expect(
      state.position.kind === 'block' &&
        state.position.leadIn.map((line) => line.cueId ?? line.text),
    ).toEqual(['Welcome back. Picking up at squeeze 11.', 'fingertips-sleepy-side']);
  });
});

describe('validation problems', () => {
  // zod 4 drops each issue's input unless asked to keep it, so every value of
  // the wrong type read as "is required".
  test('a value of the wrong type is not reported as missing', () => {
    const copy = protocolCopy();
    Object.assign(copy.tempo, { holdMs: 'two seconds' });
    expect(validateProtocol(copy)).toEqual({
      ok: false,
      problems: ['tempo.holdMs must be a whole number between 500 and 5000'],
    });
    expect(validateSessionEvent({ type: 'felt', at: T0, regions: 'left' })).toEqual({
      ok: false,
      problems: ['regions must be a list'],
    });
  });

  // The discriminator's path already ends in its name: "type type must be one of ...".
  test('an unknown event type or phase kind does not repeat the field name', () => {
    const event = validateSessionEvent({ type: 'nope', at: T0 });
    expect(event.ok ? [] : event.problems[0]).toMatch(/^type must be one of session\.started, /);
    const copy = protocolCopy();
    Object.assign(copy.phases[0] ?? {}, { kind: 'warm-up' });
    const protocol = validateProtocol(copy);
    expect(protocol.ok ? [] : protocol.problems).toContain(
      'phases[0].kind must be one of wake-up, work',
    );
  });
});

describe('a protocol with no rests', () => {
  // Scaling rounded every zero duration up to 1 ms, so "no rest" became a
  // 1 ms rest, announced as "Rest for 0 seconds."
  test('announces no rest between sets and schedules no rest or recovery steps', () => {
    const sim = run('10:both', { protocol: protocolVariants['no-rests'] });
    expect(sim.summary.work.sets).toEqual([20, 20, 20]);
    expect(JSON.stringify(sim.score)).not.toContain('Rest for');
    expect(sim.score.filter((step) => step.kind === 'rest' || step.kind === 'recover')).toEqual([]);
    expect(sim.state.plan?.tempo.restBetweenRepsMs).toBe(0);
    expect(sim.state.plan?.work).toMatchObject({ restBetweenSetsMs: 0, leadInMs: 0 });
  });

  test('still never rounds a real duration down to nothing at a tiny timescale', () => {
    const sim = run('10:both', { settings: { timescale: 0.001 } });
    const steps = timelineOf(sim.state).steps;
    expect(steps.every((step) => step.durationMs > 0 || step.kind === 'end')).toBe(true);
    expect(sim.state.plan?.tempo).toEqual({
      squeezeMs: 1,
      holdMs: 2,
      releaseMs: 1,
      restBetweenRepsMs: 1,
    });
  });
});

describe('what is said right after the last rep of a set', () => {
  // With no check-in after each set, a report on the set just done landed on
  // the next set ("set 2, rep 0"), and so did its balance.
  test('belongs to the set just done, not to the next one', () => {
    const sim = run('10:both s1r20:both/right-stronger', {
      protocol: protocolVariants['no-set-check-ins'],
    });
    expect(sim.summary.work.balance).toEqual(['right-stronger', null, null]);
    expect(sim.summary.reports[1]).toMatchObject({
      phase: 'work',
      set: 1,
      rep: 20,
      source: 'spontaneous',
    });
  });

  test('during the rest after a set-end check-in, a balance still describes that set', () => {
    const sim = run('10:both s1:both/even');
    const afterSet1 = sim.events.findIndex(
      (e) => e.type === 'checkIn.answered' && e.balance === 'even',
    );
    const events = [
      ...sim.events.slice(0, afterSet1 + 1),
      {
        type: 'balance.reported',
        at: (sim.events[afterSet1]?.at ?? 0) + 5000,
        balance: 'left-stronger',
      } as const,
    ];
    const state = foldSession(lookup, events);
    expect(state.setBalance).toEqual(['left-stronger']);
    expect(state.position).toMatchObject({ kind: 'block', set: 2, nextRep: 1 });
  });
});

describe('a report during the opening lines', () => {
  // Found while documenting the engine: "I feel it" a few seconds in replaced
  // every opening line not yet said, the stop-on-sharp-pain line among them.
  test('still says the safety line after the reply', () => {
    const state = foldSession(lookup, [
      start,
      { type: 'felt', at: T0 + 4000, regions: ['thighs'] },
    ]);
    const said = timelineOf(state).steps.flatMap((step) =>
      step.sounds.flatMap((sound) => (sound.kind === 'speech' ? [sound.text] : [])),
    );
    const safetyLine = squeezes.safety[0] ?? '';
    expect(said).toContain(safetyLine);
    expect(said.indexOf(safetyLine)).toBeGreaterThan(
      said.findIndex((text) => text.includes('heels')),
    );
  });
});

describe('scripts and protocol lists found loose while documenting', () => {
  test('a script names reps from 1, and S2 reads like s2', async () => {
    const { parseScript } = await import('../src/index.js');
    expect(parseScript('0:left').ok).toBe(false);
    expect(parseScript('s0:both').ok).toBe(false);
    expect(parseScript('S2:both/even')).toMatchObject({
      ok: true,
      actions: [{ moment: { set: 2 } }],
    });
  });

  test('a balance offered twice at check-ins is refused', () => {
    const copy = protocolCopy();
    const first = copy.checkIns.balances[0]!;
    const result = validateProtocol({
      ...copy,
      checkIns: {
        ...copy.checkIns,
        balances: [first, ...copy.checkIns.balances.slice(1, 2), first],
      },
    });
    expect(result.ok ? [] : result.problems).toContain(
      `checkIns.balances[2].id repeats the id "${first.id}"`,
    );
  });
});
