// The error registry: stable codes, HTTP statuses, and messages a person can
// read (short, plain, no internals).
import { describe, expect, it } from 'vitest';
import { ApiError, errorBody, errorRegistry, ERROR_CODES } from '../src/errors.js';

describe('the error registry', () => {
  it.each(ERROR_CODES)('%s has a snake_case code, an error status and a plain message', (code) => {
    const { status, message } = errorRegistry[code];
    expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(message.length).toBeLessThanOrEqual(120);
    expect(message).toMatch(/^[A-Z]/);
    expect(message).not.toMatch(/exception|stack|sql|null|undefined|errno|FST_/i);
  });

  it('builds error bodies with the status, reason, code, message and details', () => {
    expect(errorBody('sync_gap', { expectedSeq: 41 })).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'sync_gap',
      message: errorRegistry.sync_gap.message,
      expectedSeq: 41,
    });
  });

  it('never lets details overwrite the code or the status', () => {
    expect(errorBody('not_found', { code: 'other', statusCode: 200 })).toMatchObject({
      code: 'not_found',
      statusCode: 404,
    });
  });

  it('gives an ApiError the status of its code', () => {
    const error = new ApiError('too_many_attempts', {}, 60);
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(60);
    expect(error.message).toBe(errorRegistry.too_many_attempts.message);
  });
});
