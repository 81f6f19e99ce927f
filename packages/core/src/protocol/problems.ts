// Turns schema issues into plain sentences that name the path of the bad
// field: "tempo.holdMs must be a whole number between 500 and 5000". Never a
// stack trace, never parser jargon, stable order so tests and CLIs can rely on it.
import type { z } from 'zod';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export function describePath(path: readonly PropertyKey[]): string {
  let described = '';
  for (const key of path) {
    if (typeof key === 'number') described += `[${key}]`;
    else described += described === '' ? String(key) : `.${String(key)}`;
  }
  return described === '' ? 'the document' : described;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = describePath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.keys.map((key) => `"${key}"`).join(', ');
    return `${where} has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${fields}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where} is required`;
  if (issue.code === 'invalid_union') return `${where} ${issue.message || 'is not valid'}`;
  return `${where} ${issue.message}`;
}

/** Runs a schema and reports every problem as a plain sentence. */
export function validateWith<T>(schema: z.ZodType<T>, input: unknown): ValidationResult<T> {
  // A plain parse first: the options below only shape the problems, and
  // without them Zod takes its compiled fast path (several times quicker,
  // which the sync server feels on every event).
  const quick = schema.safeParse(input);
  if (quick.success) return { ok: true, value: quick.data };
  // reportInput keeps each issue's input, so a wrong value ("x" for a number)
  // is told apart from a missing one in describeIssue.
  const result = schema.safeParse(input, { error: plainDefaultMessage, reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const problems = [...new Set(result.error.issues.map(describeIssue))];
  return { ok: false, problems };
}

// Messages for the issues our own builders do not word themselves.
function plainDefaultMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    default:
      return 'is not valid';
  }
}

function article(expected: string): string {
  const words: Record<string, string> = {
    object: 'an object (a group of fields in braces)',
    array: 'a list',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    int: 'a whole number',
  };
  return words[expected] ?? expected;
}
