// Importing an export into a device that may already hold some of the same
// sessions: each session is new, the same, extended by the file, already
// longer on the device, or in conflict (the device's copy wins). Properties
// over random engine logs: importing never duplicates, importing twice
// changes nothing the second time, the order of imports does not change the
// result, and export -> import into an empty device is the identity.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyImportPlan,
  buildExport,
  planImport,
  planPreferences,
  serializeExport,
  type ExistingSession,
  type SessionEvent,
} from '../src/index.js';
import { parseExport } from '../src/validation.js';
import { play, SEED, sessionArb } from './arbitraries.js';
import { run } from './helpers.js';

type Log = { sessionId: string; events: SessionEvent[] };

const logOf = (sessionId: string, script: string, startAt: number): Log => ({
  sessionId,
  events: run(script, { sessionId, startAt }).events,
});
const A = logOf('a', '10:thighs 20:both', Date.UTC(2026, 0, 5, 7));
const B = logOf('b', '8:left 12:right', Date.UTC(2026, 0, 6, 7));
const C = logOf('c', '5:both s1r3:stop', Date.UTC(2026, 0, 7, 7));

const device = (...logs: Log[]): ExistingSession[] =>
  logs.map((log) => ({ ...log, eventCount: log.events.length }));
const prefix = (log: Log, length: number): Log => ({ ...log, events: log.events.slice(0, length) });
const file = (...logs: Log[]) => ({ sessions: logs });

describe('planning an import', () => {
  test('adds new sessions, skips identical ones, appends to shorter ones', () => {
    const plan = planImport(device(A, prefix(B, 10)), file(A, B, C));
    expect(plan.counts).toEqual({ new: 1, same: 1, extends: 1, 'already-longer': 0, conflict: 0 });
    expect(plan.steps).toEqual([
      { kind: 'same', sessionId: 'a' },
      { kind: 'extends', sessionId: 'b', fromIndex: 10, events: B.events.slice(10) },
      { kind: 'new', sessionId: 'c', events: C.events },
    ]);
  });

  test('skips a session the device holds more of', () => {
    const plan = planImport(device(A), file(prefix(A, 4)));
    expect(plan.steps).toEqual([{ kind: 'already-longer', sessionId: 'a' }]);
  });

  test('keeps the device copy where an event differs, and says where', () => {
    const changed = structuredClone(A);
    Object.assign(changed.events[7] ?? {}, { at: (changed.events[7]?.at ?? 0) + 1 });
    const plan = planImport(device(A), file(changed));
    expect(plan.steps).toEqual([{ kind: 'conflict', sessionId: 'a', index: 7 }]);
    expect(applyImportPlan(device(A), plan)).toEqual([A]);
  });

  test('treats events as equal whatever their key order or undefined members', () => {
    const reordered = {
      ...A,
      // As IndexedDB might hand them back: keys reversed, an optional field set to undefined.
      events: A.events.map((event): SessionEvent => ({
        ...(Object.fromEntries(Object.entries(event).reverse()) as SessionEvent),
        ...(event.type === 'checkIn.answered' ? { balance: undefined } : {}),
      })),
    };
    expect(planImport(device(A), file(reordered)).steps).toEqual([
      { kind: 'same', sessionId: 'a' },
    ]);
  });

  test('reads only the first eventCount events the device reports', () => {
    const plan = planImport([{ ...A, eventCount: 3 }], file(A));
    expect(plan.steps[0]).toMatchObject({ kind: 'extends', fromIndex: 3 });
  });

  test('merges a file that names a session twice with itself, first copy winning', () => {
    const plan = planImport([], file(prefix(A, 3), A, prefix(B, 2), { ...B, events: A.events }));
    expect(plan.steps).toEqual([
      { kind: 'new', sessionId: 'a', events: A.events },
      { kind: 'new', sessionId: 'b', events: B.events.slice(0, 2) },
    ]);
  });

  test('refuses to apply a plan that does not continue the device log', () => {
    const plan = planImport(device(prefix(A, 3)), file(A));
    expect(() => applyImportPlan(device(prefix(A, 5)), plan)).toThrow(/does not continue/);
  });
});

describe('preferences on import', () => {
  test('adds what the device lacks and keeps what it has, naming the differences', () => {
    const plan = planPreferences(
      { preferences: { holdMs: 2000, volume: 0.5 }, earlyUnlocks: [] },
      {
        preferences: { volume: 0.5, holdMs: 1500 },
        earlyUnlocks: [],
        reminders: { time: '07:30' },
      },
    );
    expect(plan).toEqual({
      add: { reminders: { time: '07:30' } },
      same: ['earlyUnlocks'],
      differ: ['preferences'],
    });
  });
});

// Random worlds of true session logs (real engine logs, ids s0, s1, ...),
// and files and devices that each hold some prefix of some of them.
const worldArb = fc.array(sessionArb, { minLength: 1, maxLength: 4 }).map((generated) =>
  generated.map((session, i): Log => {
    const sessionId = `s${i}`;
    const [started, ...rest] = play(session).events;
    return { sessionId, events: [{ ...started, sessionId } as SessionEvent, ...rest] };
  }),
);

function partOf(world: readonly Log[]): fc.Arbitrary<Log[]> {
  return fc
    .tuple(...world.map(() => fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null })))
    .map((fractions) =>
      world.flatMap((log, i) => {
        const fraction = fractions[i];
        if (fraction === null || fraction === undefined) return [];
        return [prefix(log, Math.max(1, Math.ceil(fraction * log.events.length)))];
      }),
    );
}

const scenarioArb = worldArb.chain((world) =>
  fc.record({
    world: fc.constant(world),
    device: partOf(world),
    first: partOf(world),
    second: partOf(world),
  }),
);

const importInto = (logs: readonly Log[], incoming: readonly Log[]): Log[] =>
  applyImportPlan(device(...logs), planImport(device(...logs), file(...incoming)));
const byId = (logs: readonly Log[]) =>
  [...logs].sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1));

const options = { seed: SEED, numRuns: 60 };

describe('import properties', () => {
  test('importing the same file twice changes nothing the second time', () => {
    fc.assert(
      fc.property(scenarioArb, ({ device: logs, first }) => {
        const once = importInto(logs, first);
        const again = planImport(device(...once), file(...first));
        expect(again.counts.new + again.counts.extends).toBe(0);
        expect(applyImportPlan(device(...once), again)).toEqual(once);
      }),
      options,
    );
  });

  test('never duplicates, and the order of two imports does not matter', () => {
    fc.assert(
      fc.property(scenarioArb, ({ world, device: logs, first, second }) => {
        const oneWay = byId(importInto(importInto(logs, first), second));
        const otherWay = byId(importInto(importInto(logs, second), first));
        expect(oneWay).toEqual(otherWay);
        const ids = oneWay.map((log) => log.sessionId);
        expect(new Set(ids).size).toBe(ids.length);
        // Each session ends up as the longest prefix any side held.
        for (const log of oneWay) {
          const longest = Math.max(
            ...[logs, first, second].flatMap((side) =>
              side.filter((l) => l.sessionId === log.sessionId).map((l) => l.events.length),
            ),
          );
          const truth = world.find((l) => l.sessionId === log.sessionId);
          expect(log.events).toEqual(truth?.events.slice(0, longest));
        }
      }),
      options,
    );
  });

  test('keeps the device copy of every conflicting session, whatever the order', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ device: logs, first, second }, pick) => {
        // The second file disagrees with everything at its last event.
        const clashing = second.map((log) => ({
          ...log,
          events: log.events.map((event, i) =>
            i === log.events.length - 1 && i > 0
              ? { ...event, at: event.at + 1 + (pick % 7) }
              : event,
          ),
        }));
        const oneWay = byId(importInto(importInto(logs, first), clashing));
        const otherWay = byId(importInto(importInto(logs, clashing), first));
        expect(oneWay.map((log) => log.sessionId)).toEqual(otherWay.map((log) => log.sessionId));
        for (const kept of logs) {
          const after = oneWay.find((log) => log.sessionId === kept.sessionId);
          expect(after?.events.slice(0, kept.events.length)).toEqual(kept.events);
        }
      }),
      options,
    );
  });

  test('export, then import into an empty device, is the identity', () => {
    fc.assert(
      fc.property(scenarioArb, ({ world }) => {
        const text = serializeExport(buildExport(world, { preferences: { holdMs: 1500 } }));
        const parsed = parseExport(text);
        if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
        expect(serializeExport(parsed.value)).toBe(text);
        const plan = planImport([], parsed.value);
        expect(plan.counts.new).toBe(world.length);
        expect(byId(applyImportPlan([], plan))).toEqual(byId(world));
        const again = serializeExport(
          buildExport(applyImportPlan([], plan), parsed.value.preferences),
        );
        expect(again).toBe(text);
      }),
      options,
    );
  });
});
