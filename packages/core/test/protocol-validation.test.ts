// Protocol documents: every built-in protocol file validates, and a broken
// copy is rejected with a plain sentence that names the broken field by its
// path ("tempo.holdMs must be ..."). The mutation walk breaks every field of
// every built-in protocol in turn (the ladder's rungs carry the optional
// fields: wording, readiness, preActivation, perSide), so a new field cannot
// slip past unchecked.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtinProtocols } from '../src/index.js';
import { protocolJsonSchema, validateProtocol, validateProtocolText } from '../src/validation.js';
import { protocolCopy, protocolVariants, squeezes } from './helpers.js';

type Key = string | number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const protocolsDir = new URL('../src/protocols/', import.meta.url);
const protocolFiles = readdirSync(protocolsDir).filter((name) => name.endsWith('.json'));

/** "setup[2].text", written independently of the code under test. */
function pathText(path: readonly Key[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`,
    '',
  );
}

function* fieldsOf(value: Json, path: Key[] = []): Generator<{ path: Key[]; value: Json }> {
  if (path.length > 0) yield { path, value };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* fieldsOf(item, [...path, index]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* fieldsOf(item, [...path, key]);
  }
}

function withValue(document: Json, path: readonly Key[], value: Json | undefined): Json {
  const copy = structuredClone(document);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<Key, Json>)[key] as Json;
  const last = path[path.length - 1] as Key;
  if (value === undefined) delete (parent as Record<Key, Json>)[last];
  else (parent as Record<Key, Json>)[last] = value;
  return copy;
}

/** Ways to break a field: a wrong type always, and values out of any allowed range. */
function breakages(value: Json): [string, Json][] {
  if (typeof value === 'number') {
    return [
      ['as text', String(value)],
      ['negative', -1],
      ['huge', 1e9],
      ['fractional', value + 0.5],
    ];
  }
  if (typeof value === 'string')
    return [
      ['as a number', 42],
      ['empty', ''],
      ['too long', 'x'.repeat(1001)],
    ];
  if (typeof value === 'boolean') return [['as text', 'yes']];
  return [
    ['as text', 'x'],
    ['null', null],
  ];
}

const plainProblem = (problem: string) =>
  !/\n|\bat \S+ \(|ZodError|invalid_type|too_big|Expected .* received/i.test(problem);

const original = structuredClone(squeezes) as unknown as Json;
const fields = [...fieldsOf(original)];
const walks = builtinProtocols.map((protocol) => {
  const document = structuredClone(protocol) as unknown as Json;
  return { id: protocol.id, document, fields: [...fieldsOf(document)] };
});
const OPTIONAL_FIELD =
  /^(cueRules\[\d+\]\.(when\.\w+|once)|phases\[\d+\]\.perSide|wording|readiness|preActivation)$/;

describe('the built-in protocols', () => {
  test.each(protocolFiles)('%s validates, unchanged by validation', (name) => {
    const text = readFileSync(new URL(name, protocolsDir), 'utf8');
    const result = validateProtocolText(text);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.value).toEqual(JSON.parse(text));
  });

  test('every protocol the core ships is one of those files, and the test variants are valid too', () => {
    expect(builtinProtocols.length).toBe(protocolFiles.length);
    for (const protocol of [...builtinProtocols, ...Object.values(protocolVariants)]) {
      const result = validateProtocol(protocol);
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
  });
});

describe('a copy with one field broken', () => {
  test('the walk covers the whole document', () => {
    expect(fields.length).toBeGreaterThan(150);
    expect(fields.map((field) => pathText(field.path))).toContain('setup[2].text');
    expect(fields.map((field) => pathText(field.path))).toContain('cueRules[7].when.repAtMost');
  });

  test('the walk covers every optional field a built-in uses', () => {
    const lunge = walks.find((walk) => walk.id === 'lunge');
    const paths = lunge?.fields.map((field) => pathText(field.path)) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'phases[1].perSide',
        'wording.rep',
        'wording.releaseLabel',
        'readiness.after',
        'readiness.evenBalance',
        'preActivation.protocol',
        'preActivation.reps',
      ]),
    );
  });

  describe.each(walks)('of $id', ({ document, fields: walked }) => {
    test.each(walked.map((field) => [pathText(field.path), field] as const))(
      'is rejected, naming %s',
      (where, { path, value }) => {
        for (const [how, broken] of breakages(value)) {
          const result = validateProtocol(withValue(document, path, broken));
          const problems = result.ok ? [`accepted with ${where} ${how}`] : result.problems;
          expect(
            problems.some((p) => p.startsWith(`${where} `)),
            `${how}: ${problems.join(' | ')}`,
          ).toBe(true);
          expect(problems.filter((p) => !plainProblem(p))).toEqual([]);
        }
      },
    );

    test('a missing field is named as required, unless it is optional', () => {
      for (const { path } of walked) {
        if (typeof path[path.length - 1] === 'number') continue;
        const where = pathText(path);
        const result = validateProtocol(withValue(document, path, undefined));
        if (result.ok) expect(where).toMatch(OPTIONAL_FIELD);
        else
          expect(
            result.problems.some((p) => p.startsWith(`${where} `)),
            where,
          ).toBe(true);
      }
    });
  });
});

describe('problems in plain words', () => {
  const problemsOf = (change: (p: ReturnType<typeof protocolCopy>) => void) => {
    const copy = protocolCopy();
    change(copy);
    const result = validateProtocol(copy);
    return result.ok ? [] : result.problems;
  };

  test('a hold far out of range', () => {
    const problems = problemsOf((p) => (p.tempo.holdMs = 99999));
    expect(problems).toContain('tempo.holdMs must be a whole number between 500 and 5000');
    expect(problems.some((p) => p.includes('tempo.holdMs must be'))).toBe(true);
  });

  test('a hold outside the range the protocol itself allows', () => {
    expect(problemsOf((p) => (p.tempo.holdMs = 3000))).toEqual([
      'tempo.holdMs must be between 1000 and 2000 (the adjustable.holdMs range)',
    ]);
  });

  test('a wrong type is not called missing', () => {
    expect(problemsOf((p) => Object.assign(p.tempo, { holdMs: '2000' }))).toEqual([
      'tempo.holdMs must be a whole number between 500 and 5000',
    ]);
    expect(problemsOf((p) => Object.assign(p.setup[2] ?? {}, { text: 7 }))).toEqual([
      'setup[2].text must be text',
    ]);
  });

  test('unknown fields are named, wherever they are', () => {
    expect(problemsOf((p) => Object.assign(p, { colour: 'red' }))).toEqual([
      'the document has an unknown field "colour"',
    ]);
    expect(problemsOf((p) => Object.assign(p.tempo, { tempoMs: 1 }))).toEqual([
      'tempo has an unknown field "tempoMs"',
    ]);
  });

  test('a cue rule naming a cue that does not exist', () => {
    expect(problemsOf((p) => p.cueRules[3]?.say.push('no-such-cue'))).toEqual([
      'cueRules[3].say[2] names a cue "no-such-cue" that is not in cues',
    ]);
  });

  test('the consistency rules', () => {
    expect(problemsOf((p) => Object.assign(p.cues[1] ?? {}, { id: 'inner-heel' }))).toContain(
      'cues[1].id repeats the id "inner-heel"',
    );
    expect(problemsOf((p) => p.phases.reverse())).toContain(
      'phases[1].kind wake-up must be the first phase',
    );
    expect(problemsOf((p) => (p.checkIns.regions = p.checkIns.regions.slice(0, 5)))).toEqual([
      'checkIns.regions must offer "none"',
    ]);
    expect(
      problemsOf((p) => Object.assign(p.cues[0] ?? {}, { text: 'Use your {leftSide}.' })),
    ).toEqual([
      'cues[0].text uses an unknown placeholder {leftSide} (known: sleepySide, firedSide, weakerSide)',
    ]);
    expect(
      problemsOf((p) => Object.assign(p.cueRules[0] ?? {}, { when: { phase: 'wake-up' } })),
    ).toEqual([
      'cueRules[0].when.oneGluteOnly must be true because cue "asymmetry" uses {firedSide}',
      'cueRules[0].when.oneGluteOnly must be true because cue "asymmetry" uses {sleepySide}',
      'cueRules[0].when.oneGluteOnly must be true because cue "fingertips-sleepy-side" uses {sleepySide}',
    ]);
    expect(
      problemsOf((p) => Object.assign(p.adjustable.holdMs, { min: 2000, max: 1000 })),
    ).toContain('adjustable.holdMs min must not be greater than max');
    expect(problemsOf((p) => Object.assign(p, { schemaVersion: 2 }))).toEqual([
      'schemaVersion must be 1 (the only protocol format this version knows)',
    ]);
  });

  test('something that is not a protocol at all', () => {
    for (const input of [null, 'prone-ankle-squeeze', 42, []]) {
      const result = validateProtocol(input);
      expect(result.ok ? [] : result.problems).toEqual([
        'the document must be an object (a group of fields in braces)',
      ]);
    }
  });

  test('bad JSON text is one plain problem, with no stack trace', () => {
    for (const text of ['{"id": ', '', '{id: 1}', 'undefined']) {
      const result = validateProtocolText(text);
      const problems = result.ok ? [] : result.problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^the file is not valid JSON \(/);
      expect(problems.filter((p) => !plainProblem(p))).toEqual([]);
    }
  });

  test('the same document always gives the same problems, each once', () => {
    const broken = { ...protocolCopy(), maxCuesPerResponse: 0, name: '' };
    const first = validateProtocol(broken);
    expect(validateProtocol(broken)).toEqual(first);
    const problems = first.ok ? [] : first.problems;
    expect(new Set(problems).size).toBe(problems.length);
    expect(problems).toEqual([
      'name must not be empty',
      'maxCuesPerResponse must be a whole number between 1 and 5',
    ]);
  });
});

test('the protocol format is also offered as a JSON Schema for editors', () => {
  const schema = protocolJsonSchema() as { properties?: Record<string, unknown> };
  expect(Object.keys(schema.properties ?? {})).toEqual(
    expect.arrayContaining(['tempo', 'cueRules', 'safety']),
  );
});
