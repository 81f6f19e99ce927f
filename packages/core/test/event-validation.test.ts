// Session events as a device or a server receives them: every well-formed
// event passes, and a bad one (negative reps, pain off the scale, an unknown
// type, text no database can store) is rejected with plain problems.
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SIMULATION_START as T0,
  SESSION_EVENT_TYPES,
  type SessionEvent,
} from '../src/index.js';
import { validateSessionEvent } from '../src/validation.js';

const valid: SessionEvent[] = [
  {
    type: 'session.started',
    at: T0,
    v: 1,
    sessionId: 'a1_B-2',
    protocol: { id: 'prone-ankle-squeeze', version: 1 },
    program: { id: 'two-weeks', version: 3 },
    settings: { holdMs: 1500, timescale: 0.5, favouredCues: ['inner-heel'] },
  },
  { type: 'rep.completed', at: T0, phase: 'wake-up', set: null, rep: 1 },
  { type: 'rep.completed', at: T0, phase: 'work', set: 3, rep: 20 },
  { type: 'felt', at: T0, regions: ['thighs', 'left'] },
  { type: 'checkIn.answered', at: T0, regions: ['none'], balance: 'even' },
  { type: 'checkIn.timedOut', at: T0 },
  { type: 'balance.reported', at: T0, balance: 'left-stronger' },
  { type: 'session.paused', at: T0 },
  { type: 'session.resumed', at: T0 },
  { type: 'session.stopped', at: T0 },
  {
    type: 'symptoms.logged',
    at: T0,
    symptoms: { knee: 0, foot: 10, hamstringCramping: 3 },
    note: 'Knees better today.\nSlept well 💪',
  },
];

function problemsOf(input: unknown): string[] {
  const result = validateSessionEvent(input);
  return result.ok ? [] : result.problems;
}

const symptoms = (extra: Record<string, unknown>) => ({
  type: 'symptoms.logged',
  at: T0,
  symptoms: {},
  ...extra,
});

test('one valid example of every event type passes unchanged', () => {
  expect(new Set(valid.map((event) => event.type))).toEqual(new Set(SESSION_EVENT_TYPES));
  for (const event of valid)
    expect(validateSessionEvent(event)).toEqual({ ok: true, value: event });
});

describe('rejected, with the field named', () => {
  test.each<[string, unknown, string]>([
    [
      'negative reps',
      { type: 'rep.completed', at: T0, phase: 'work', set: 1, rep: -5 },
      'rep must be a whole number between 1 and 500',
    ],
    [
      'rep zero',
      { type: 'rep.completed', at: T0, phase: 'work', set: 1, rep: 0 },
      'rep must be a whole number between 1 and 500',
    ],
    [
      'a fractional rep',
      { type: 'rep.completed', at: T0, phase: 'work', set: 1, rep: 2.5 },
      'rep must be a whole number between 1 and 500',
    ],
    [
      'an unknown phase',
      { type: 'rep.completed', at: T0, phase: 'warm-up', set: null, rep: 1 },
      'phase must be one of wake-up, work',
    ],
    [
      'knee pain of 11',
      symptoms({ symptoms: { knee: 11 } }),
      'symptoms.knee must be a whole number between 0 and 10',
    ],
    [
      'negative back stiffness',
      symptoms({ symptoms: { backStiffness: -1 } }),
      'symptoms.backStiffness must be a whole number between 0 and 10',
    ],
    [
      'an unknown symptom',
      symptoms({ symptoms: { elbow: 2 } }),
      'symptoms has an unknown field "elbow"',
    ],
    [
      'a NUL byte in a note',
      symptoms({ note: 'fine\u0000today' }),
      'note must not contain control characters or broken unicode',
    ],
    [
      'an escape character in a note',
      symptoms({ note: 'red\u001b[31m' }),
      'note must not contain control characters or broken unicode',
    ],
    [
      'a lone high surrogate',
      symptoms({ note: 'ok \uD83D' }),
      'note must not contain control characters or broken unicode',
    ],
    [
      'a lone low surrogate',
      symptoms({ note: '\uDCAA ok' }),
      'note must not contain control characters or broken unicode',
    ],
    [
      'a reversed surrogate pair',
      symptoms({ note: 'x\uDCAA\uD83Dx' }),
      'note must not contain control characters or broken unicode',
    ],
    [
      'a 10,000-character note',
      symptoms({ note: 'a'.repeat(10_000) }),
      'note must be at most 2000 characters',
    ],
    ['a blank note', symptoms({ note: '   ' }), 'note must not be empty'],
    [
      'an unknown type',
      { type: 'glute.exploded', at: T0 },
      `type must be one of ${SESSION_EVENT_TYPES.join(', ')}`,
    ],
    ['no type at all', { at: T0 }, `type must be one of ${SESSION_EVENT_TYPES.join(', ')}`],
    [
      'a time before 2000',
      { type: 'session.paused', at: 0 },
      'at must be a time after the year 2000',
    ],
    [
      'a time in seconds, as text',
      { type: 'session.paused', at: '1767600000' },
      'at must be a time in epoch milliseconds',
    ],
    ['a missing time', { type: 'session.paused' }, 'at is required'],
    [
      'a region named twice',
      { type: 'felt', at: T0, regions: ['left', 'left'] },
      'regions must not name a region twice',
    ],
    ['no regions', { type: 'felt', at: T0, regions: [] }, 'regions must not be empty'],
    [
      'an unknown region',
      { type: 'felt', at: T0, regions: ['calf'] },
      'regions[0] must be one of thighs, hamstrings, back, left, right, none',
    ],
    [
      'an unknown balance',
      { type: 'balance.reported', at: T0, balance: 'lopsided' },
      'balance must be one of left-stronger, even, right-stronger',
    ],
    [
      'an extra field',
      { type: 'session.stopped', at: T0, reason: 'bored' },
      'the document has an unknown field "reason"',
    ],
    [
      'a bad session id',
      { ...valid[0], sessionId: 'has spaces' },
      'sessionId must be 1 to 64 letters, digits, "-" or "_"',
    ],
    [
      'a timescale of zero',
      { ...valid[0], settings: { timescale: 0 } },
      'settings.timescale must be between 0.001 and 1',
    ],
    [
      'a hold of a minute',
      { ...valid[0], settings: { holdMs: 60_000 } },
      'settings.holdMs must be a whole number between 500 and 5000',
    ],
    [
      'an unknown setting',
      { ...valid[0], settings: { volume: 11 } },
      'settings has an unknown field "volume"',
    ],
    ['a future event format', { ...valid[0], v: 2 }, 'v must be 1'],
    ['no event at all', null, 'the document must be an object (a group of fields in braces)'],
    ['a string', 'session.started', 'the document must be an object (a group of fields in braces)'],
  ])('%s', (_, input, problem) => {
    expect(problemsOf(input)).toContain(problem);
  });
});

test('text that is fine: tabs, newlines, emoji and accents', () => {
  for (const note of ['tab\there', 'line\r\nbreak', '💪🏽 glutes', 'Muskelkater, ça va']) {
    expect(problemsOf(symptoms({ note }))).toEqual([]);
  }
});

test('problems are plain sentences: one line each, no stack traces or parser codes', () => {
  const inputs = [
    undefined,
    { type: 'rep.completed', at: -1, phase: 7, set: 'one', rep: null, extra: true },
    symptoms({ symptoms: { knee: 'bad' }, note: '\u0000'.repeat(5000) }),
    { ...valid[0], protocol: { id: 'Not An Id!', version: 0 }, settings: [] },
  ];
  for (const input of inputs) {
    const problems = problemsOf(input);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).not.toMatch(/\n|\bat \S+ \(|Zod|invalid_type|undefined|\[object/);
      expect(problem).toMatch(/^(the document|[a-zA-Z]+(\[\d+\])?(\.[a-zA-Z]+(\[\d+\])?)*) /);
    }
  }
});
