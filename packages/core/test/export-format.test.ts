// The export file: canonical, deterministic JSON that reads back to the same
// document and writes out to the same bytes; a bad file is refused with
// plain problems that name the path of the bad field; a file from a newer
// Glutewake is refused in so many words.
import { describe, expect, test } from 'vitest';
import {
  buildExport,
  canonicalJson,
  serializeExport,
  toJsonValue,
  type ExportDocument,
  type SessionEvent,
} from '../src/index.js';
import { parseExport } from '../src/validation.js';
import { run } from './helpers.js';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 7, 30, 0);

function sessionOf(sessionId: string, script: string, daysLater = 0, extra: SessionEvent[] = []) {
  const { events } = run(script, { sessionId, startAt: T0 + daysLater * DAY_MS });
  return { sessionId, events: [...events, ...extra] };
}

const preferences = {
  preferences: { holdMs: 2000, voiceUri: null, volume: 0.8, firstRunDone: true },
  earlyUnlocks: [{ protocolId: 'glute-bridge', at: T0 }],
  reminders: { time: '07:30', days: ['MO', 'WE'], notifications: false },
};

const sessions = [
  sessionOf('day-3', '6:left 9:right s1r4:stop', 2),
  sessionOf('day-1', '10:thighs 20:hamstrings 30:left 38:both'),
  sessionOf('day-2', '8:left 12:both s1:both/even s2:both/left-stronger', 1, [
    {
      type: 'symptoms.logged',
      at: T0 + DAY_MS + 3_600_000,
      symptoms: { knee: 3, backStiffness: 1 },
      note: '  Felt it "evenly", finally \u{1F4AA}\n',
    },
  ]),
];

function parsed(text: string): ExportDocument {
  const result = parseExport(text);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.value;
}

function problemsOf(text: string): string[] {
  const result = parseExport(text);
  return result.ok ? [] : result.problems;
}

describe('canonical JSON', () => {
  test('orders keys the same way however the object was built', () => {
    const a = { b: 1, a: [{ z: 1, at: 2, type: 't' }], format: 'x', 10: 'ten', 2: 'two' };
    const b = { 2: 'two', format: 'x', a: [{ type: 't', at: 2, z: 1 }], 10: 'ten', b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe(
      '{"10":"ten","2":"two","a":[{"at":2,"type":"t","z":1}],"b":1,"format":"x"}',
    );
  });

  test('writes two-space indentation like JSON.stringify, empty containers inline', () => {
    const value = { list: [1, 'two', null], empty: [], none: {}, nested: { ok: true } };
    expect(canonicalJson(value, 2)).toBe(
      JSON.stringify(
        { empty: [], list: [1, 'two', null], nested: { ok: true }, none: {} },
        null,
        2,
      ),
    );
  });

  test('keeps what JSON keeps: no undefined members, null for NaN', () => {
    expect(toJsonValue({ a: undefined, b: Number.NaN, c: [undefined], d: () => 1 })).toEqual({
      b: null,
      c: [null],
    });
    expect(canonicalJson({ type: 'felt', at: 1, balance: undefined })).toBe(
      '{"at":1,"type":"felt"}',
    );
  });
});

describe('the export file', () => {
  const text = serializeExport(buildExport(sessions, preferences));

  test('has the format, the version, sessions oldest first, and no export time', () => {
    const document = JSON.parse(text) as ExportDocument;
    expect(Object.keys(document)).toEqual(['format', 'version', 'sessions', 'preferences']);
    expect(document.format).toBe('glutewake-export');
    expect(document.version).toBe(1);
    expect(document.sessions.map((s) => s.sessionId)).toEqual(['day-1', 'day-2', 'day-3']);
    expect(text).not.toMatch(/exported|generatedAt|createdAt/i);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "sessions": [\n    {\n      "sessionId": "day-1",');
  });

  test('keeps every event in log order, each with type and at first', () => {
    const document = JSON.parse(text) as ExportDocument;
    const day2 = document.sessions[1];
    expect(day2?.events).toEqual(sessions[2]?.events);
    expect(text).toMatch(
      /\{\n {10}"type": "session\.started",\n {10}"at": \d+,\n {10}"protocol": \{\n/,
    );
  });

  test('sorts sessions that started together by id', () => {
    const twins = [sessionOf('b', '5:both'), sessionOf('a', '5:both')];
    const document = buildExport(twins, {});
    expect(document.sessions.map((s) => s.sessionId)).toEqual(['a', 'b']);
  });

  test('reads back to the same document and writes out to the same bytes', () => {
    const document = parsed(text);
    expect(document).toEqual(buildExport(sessions, preferences));
    expect(serializeExport(document)).toBe(text);
  });

  test('keeps a note exactly, spaces and newlines included, though the event schema trims', () => {
    const note = parsed(text).sessions[1]?.events.at(-1);
    expect(note).toMatchObject({ note: '  Felt it "evenly", finally \u{1F4AA}\n' });
  });

  test('depends on the data alone, not on the order it was read in', () => {
    const shuffled = [...sessions].reverse();
    const reordered = Object.fromEntries(Object.entries(preferences).reverse());
    expect(serializeExport(buildExport(shuffled, reordered))).toBe(text);
  });

  test('leaves out sessions without events and preferences JSON cannot hold', () => {
    const document = buildExport([{ sessionId: 'empty', events: [] }], {
      keep: 1,
      gone: undefined,
      fn: () => 1,
    });
    expect(document.sessions).toEqual([]);
    expect(document.preferences).toEqual({ keep: 1 });
  });
});

describe('reading a file that is not right', () => {
  const good = JSON.parse(serializeExport(buildExport(sessions, preferences))) as ExportDocument;
  const withChange = (change: (document: ExportDocument) => void) => {
    const copy = structuredClone(good);
    change(copy);
    return JSON.stringify(copy);
  };

  test('says when the text is not JSON at all', () => {
    expect(problemsOf('{"format": "glutewake-export",')[0]).toMatch(
      /^the file is not valid JSON \(/,
    );
  });

  test('says when the file is something else', () => {
    expect(problemsOf('[1, 2]')).toEqual([
      'the file is not a Glutewake export (it does not hold an export document)',
    ]);
    expect(problemsOf('{"format": "other", "version": 1}')).toEqual([
      'the file is not a Glutewake export (format must be "glutewake-export")',
    ]);
  });

  test('refuses a newer format version clearly', () => {
    const problems = problemsOf(withChange((d) => Object.assign(d, { version: 2 })));
    expect(problems).toEqual([
      'this export was made by a newer Glutewake (format version 2); this one reads version 1. Update Glutewake, then import the file again.',
    ]);
    expect(problemsOf(withChange((d) => Object.assign(d, { version: 0 })))).toEqual([
      'version must be 1',
    ]);
  });

  test('names the path of a bad event field in plain words', () => {
    const problems = problemsOf(
      withChange((d) => {
        const rep = d.sessions[2]?.events[5];
        if (rep?.type !== 'rep.completed') throw new Error('expected a rep at index 5');
        Object.assign(rep, { rep: -1 });
      }),
    );
    expect(problems).toEqual([
      'sessions[2].events[5].rep must be a whole number between 1 and 500',
    ]);
  });

  test('names unknown event types, unknown fields and missing parts', () => {
    const problems = problemsOf(
      withChange((d) => {
        Object.assign(d.sessions[0]?.events[3] ?? {}, { type: 'sneezed' });
        Object.assign(d, { extra: true });
        Object.assign(d.sessions[1] ?? {}, { events: [] });
      }),
    );
    expect(problems).toContain('the document has an unknown field "extra"');
    expect(problems).toContain('sessions[1].events must hold at least one event');
    expect(problems.some((p) => p.startsWith('sessions[0].events[3].type must be one of'))).toBe(
      true,
    );
  });

  test('wants each log to begin with its own session.started, and each session once', () => {
    expect(
      problemsOf(
        withChange((d) => {
          d.sessions[0]?.events.shift();
          Object.assign(d.sessions[1] ?? {}, { sessionId: 'day-3' });
        }),
      ),
    ).toEqual([
      'sessions[0].events[0].type must be "session.started": a log begins with it',
      'sessions[1].events[0].sessionId must be "day-3", the session\'s own id',
      'sessions[2].sessionId "day-3" appears twice (also in sessions[1])',
    ]);
  });

  test('checks preferences are an object of plain JSON', () => {
    expect(problemsOf(withChange((d) => Object.assign(d, { preferences: [] })))).toEqual([
      'preferences must be an object (a group of fields in braces)',
    ]);
  });
});
