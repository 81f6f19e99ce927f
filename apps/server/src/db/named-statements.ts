// PostgreSQL statements prepared once per connection. Kysely sends every query
// as an unnamed statement, so PostgreSQL parses and plans the same few
// dozen statements again on every request; under load that work competes
// with the queries themselves. This pool gives each data statement a name
// derived from its text, so each connection parses it once and afterwards
// only binds and runs it. Invariants: a name always stands for one text (it
// is a hash of the text); only plain data statements are named (select,
// insert, update, delete, with), never DDL, and never a statement reading
// `*`, whose result columns a migration could change under a prepared plan;
// each connection keeps at most MAX_NAMED_PER_CONNECTION names and runs any
// further statements unnamed, so a stream of distinct texts cannot grow a
// connection's memory without bound.
import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

const MAX_NAMED_PER_CONNECTION = 500;
const MAX_NAMED_TEXT_LENGTH = 16_384;
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

/** Whether a statement's text may be prepared under a name. */
export function mayBeNamed(text: string): boolean {
  return text.length <= MAX_NAMED_TEXT_LENGTH && DATA_STATEMENT.test(text) && !text.includes('*');
}

function statementName(text: string): string {
  return `gw_${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
}

/** The pool Kysely uses, naming the statements of every connection it hands out. */
export function poolWithNamedStatements(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (wrapper === undefined) {
        wrapper = withNamedStatements(client);
        wrapped.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function withNamedStatements(client: pg.PoolClient): PostgresPoolClient {
  const names = new Map<string, string>();
  const nameFor = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined || names.size >= MAX_NAMED_PER_CONNECTION || !mayBeNamed(text)) {
      return known;
    }
    const name = statementName(text);
    names.set(text, name);
    return name;
  };
  function query<R>(
    sql: string,
    parameters: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      return client.query(sqlOrCursor as never) as unknown as PostgresCursor<R>;
    }
    const name = nameFor(sqlOrCursor);
    const values = [...(parameters ?? [])];
    const config =
      name === undefined ? { text: sqlOrCursor, values } : { name, text: sqlOrCursor, values };
    return client.query(config) as unknown as Promise<PostgresQueryResult<R>>;
  }
  return { query, release: () => client.release() };
}
