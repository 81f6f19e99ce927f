// Reading request bodies. JSON is the only body the API accepts, and before
// any schema sees it, its shape is bounded: nesting depth, list length, keys
// per object, and no `__proto__`, `constructor` or `prototype` keys (which
// could reach an object's prototype later). Invariants: a body that breaks a
// bound is refused whole with a 400; nothing downstream ever sees it.
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.js';

export const BODY_SHAPE_LIMITS = {
  maxDepth: 16,
  maxArrayLength: 1000,
  maxKeysPerObject: 100,
} as const;

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Throws `body_not_allowed` when the parsed JSON breaks one of the bounds. */
export function checkBodyShape(value: unknown, depth = 1): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > BODY_SHAPE_LIMITS.maxDepth) {
    throw new ApiError('body_not_allowed', { reason: 'nested too deeply' });
  }
  if (Array.isArray(value)) {
    if (value.length > BODY_SHAPE_LIMITS.maxArrayLength) {
      throw new ApiError('body_not_allowed', { reason: 'a list is too long' });
    }
    for (const item of value) checkBodyShape(item, depth + 1);
    return;
  }
  const keys = Object.keys(value);
  if (keys.length > BODY_SHAPE_LIMITS.maxKeysPerObject) {
    throw new ApiError('body_not_allowed', { reason: 'too many fields' });
  }
  for (const key of keys) {
    if (forbiddenKeys.has(key)) {
      throw new ApiError('body_not_allowed', { reason: `the key "${key}" is not allowed` });
    }
    checkBodyShape((value as Record<string, unknown>)[key], depth + 1);
  }
}

export function parseJsonBody(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json');
  }
  checkBodyShape(parsed);
  return parsed;
}

/** Makes JSON the one body type the app parses; any other type is refused by Fastify. */
export function acceptJsonBodiesOnly(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(String(body)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
