// What a database error means, whichever backend raised it: a unique value
// already taken, or the database being unavailable (down, full, locked or
// read-only), which the API answers with 503 and Retry-After so clients keep
// their queue and try again. Everything else is a bug and stays a 500.

interface CodedError {
  code?: unknown;
  errno?: unknown;
}

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { code } = error as CodedError;
  return typeof code === 'string' ? code : '';
}

export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

const sqliteUnavailable = new Set([
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
]);

const networkUnavailable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATE classes: 08 connection, 53 insufficient resources
 * (disk full, out of memory, too many connections), 57P01-03 shutting down or
 * cannot connect now, 40001/40P01 serialization failure or deadlock (retry).
 */
function isPostgresUnavailable(code: string): boolean {
  return (
    code.startsWith('08') ||
    code.startsWith('53') ||
    ['57P01', '57P02', '57P03', '40001', '40P01'].includes(code)
  );
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code === '') {
    const message = error instanceof Error ? error.message : '';
    // pg reports a pool that could not connect in time, or a dropped
    // connection, without a code.
    return /timeout exceeded when trying to connect|Connection terminated|not queryable/i.test(
      message,
    );
  }
  if (networkUnavailable.has(code)) return true;
  if (code.startsWith('SQLITE_')) {
    return [...sqliteUnavailable].some((prefix) => code.startsWith(prefix));
  }
  return /^[0-9A-Z]{5}$/.test(code) && isPostgresUnavailable(code);
}
