// Request bodies are JSON within bounds: nesting depth, list length, keys per
// object, and no keys that could reach an object's prototype.
import { describe, expect, it } from 'vitest';
import { BODY_SHAPE_LIMITS, parseJsonBody } from '../src/http/json-body.js';

function codeOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  }
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('parseJsonBody', () => {
  it('parses ordinary JSON', () => {
    expect(parseJsonBody('{"a":[1,{"b":"c"}]}')).toEqual({ a: [1, { b: 'c' }] });
  });

  it.each(['{"a":', '', 'nope', '{"a":1}}'])('refuses %j as invalid_json', (text) => {
    expect(codeOf(() => parseJsonBody(text))).toBe('invalid_json');
  });

  it.each([
    ['a __proto__ key', '{"__proto__":{"admin":true}}'],
    ['a nested __proto__ key', '{"a":[{"__proto__":{}}]}'],
    ['a constructor key', '{"constructor":{"prototype":{}}}'],
    ['nesting past the limit', nested(BODY_SHAPE_LIMITS.maxDepth + 1)],
    ['a huge list', JSON.stringify(new Array(BODY_SHAPE_LIMITS.maxArrayLength + 1).fill(0))],
    [
      'an object with too many fields',
      JSON.stringify(
        Object.fromEntries(
          Array.from({ length: BODY_SHAPE_LIMITS.maxKeysPerObject + 1 }, (_, i) => [`k${i}`, i]),
        ),
      ),
    ],
  ])('refuses %s as body_not_allowed', (_what, text) => {
    expect(codeOf(() => parseJsonBody(text))).toBe('body_not_allowed');
  });

  it('accepts nesting and lists right at the limits', () => {
    expect(codeOf(() => parseJsonBody(nested(BODY_SHAPE_LIMITS.maxDepth)))).toBeNull();
    const list = JSON.stringify(new Array(BODY_SHAPE_LIMITS.maxArrayLength).fill(0));
    expect(codeOf(() => parseJsonBody(list))).toBeNull();
  });
});
