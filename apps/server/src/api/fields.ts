// Field schemas shared by the API's requests and responses. Invariants: text
// from people refuses NUL and other control characters and broken unicode
// (lone surrogates), which SQLite and PostgreSQL would not store alike, and
// has a length limit; ids are lowercase UUIDs; every pattern is a unicode
// regular expression, read the same way by zod and by the API's validator.
import { z } from 'zod';

// Matching control characters is the point of these patterns.
// eslint-disable-next-line no-control-regex
const printable = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]*$/u;

/** Text a person typed: 1..maxLength characters, no control characters. */
export function plainText(maxLength: number) {
  return z
    .string()
    .min(1)
    .max(maxLength)
    .regex(printable, { error: 'must not contain control characters or broken unicode' });
}

export const personName = plainText(100);
export const clinicName = plainText(120);

export const email = z
  .string()
  .min(3)
  .max(254)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\s@\u0000-\u001F\uD800-\uDFFF]+@[^\s@\u0000-\u001F\uD800-\uDFFF]+$/u, {
    error: 'must be an email address',
  });

/** Any password up to 256 characters is read; the length rule is checked with its own error. */
export const password = plainText(256).describe(
  'A new password needs at least 10 characters (400 weak_password otherwise).',
);

export const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u, {
    error: 'must be an id',
  });

/** Epoch milliseconds, as the server reports times. */
export const epochMs = z.number().int().min(0);

export const errorResponse = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  code: z.string(),
  message: z.string(),
});

/** A non-negative integer sent in a query string. */
export const queryInteger = z.string().regex(/^(0|[1-9][0-9]{0,14})$/u, {
  error: 'must be a whole number',
});
