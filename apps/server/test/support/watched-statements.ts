// A database handle that tells a test of every statement once it has run:
// the query builder's (through a Kysely plugin) and the prepared ones that
// SQLite's hot paths run directly (db.sqliteStatements). Tests use it to
// compare what two requests run, or to make the server "die" at a chosen
// statement: whatever the callback throws, the statement throws.
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { DatabaseHandle } from '../../src/db/open.js';

export type RanStatement =
  { kind: 'query'; node: RootOperationNode } | { kind: 'prepared'; sql: string };

export function watchStatements(
  db: DatabaseHandle,
  ran: (statement: RanStatement) => void,
): DatabaseHandle {
  const statements = db.sqliteStatements;
  return {
    ...db,
    kysely: db.kysely.withPlugin(new AfterEachQuery(ran)),
    sqliteStatements: statements && {
      prepare(sql) {
        const statement = statements.prepare(sql);
        const after = <T>(result: T): T => {
          ran({ kind: 'prepared', sql });
          return result;
        };
        return {
          reader: statement.reader,
          all: (parameters) => after(statement.all(parameters)),
          iterate: (parameters) => statement.iterate(parameters),
          run: (parameters) => after(statement.run(parameters)),
        };
      },
    },
  };
}

class AfterEachQuery implements KyselyPlugin {
  readonly #nodes = new WeakMap<QueryId, RootOperationNode>();
  readonly #ran: (statement: RanStatement) => void;

  constructor(ran: (statement: RanStatement) => void) {
    this.#ran = ran;
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    this.#nodes.set(queryId, node);
    return node;
  }

  async transformResult({
    result,
    queryId,
  }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const node = this.#nodes.get(queryId);
    if (node !== undefined) this.#ran({ kind: 'query', node });
    return result;
  }
}
