// Sign-in must not tell which emails have accounts: a wrong password for a
// real account and any password for an unknown email run the very same
// database statements (parameters aside), besides the same argon2 work.
// Comparing statements is deterministic where timing is not. Seen here:
// every query-builder statement and every prepared one SQLite runs
// directly. Left out: transaction openings and endings, because they cannot
// be compared. Kysely's own BEGIN and COMMIT never reach a plugin, while a
// clinic-scoped transaction on PostgreSQL opens with one statement it does
// see ("begin; select set_config(...)"). Either way the opening is one round
// trip; only the scope differs, and an unknown email has no clinic.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { storageOver } from '../../src/storage/storage.js';
import { makeFakeWebRoot, type FakeWebRoot } from '../fake-web-root.js';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../support/backends.js';
import { testClock } from '../support/clock.js';
import { addAccount, clinicWithOwner, newAccount } from '../support/fixtures.js';
import { callApi } from '../support/requests.js';
import { watchStatements, type RanStatement } from '../support/watched-statements.js';

/** A statement with its values taken out; null for transaction control. */
function shapeOf(statement: RanStatement): string | null {
  if (statement.kind === 'prepared') return `prepared: ${statement.sql}`;
  const { node } = statement;
  if (node.kind === 'RawNode' && /^(begin|commit|rollback)\b/.test(node.sqlFragments[0] ?? '')) {
    return null;
  }
  return JSON.stringify(node, (key, value: unknown) =>
    ['value', 'values', 'parameters'].includes(key) ? '?' : value,
  );
}

describeEachBackend('sign-in statements', (backend) => {
  let database: TestDatabase;
  let webRoot: FakeWebRoot;
  let app: FastifyInstance;
  const seen: string[] = [];
  let email: string;
  let address = 0;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    webRoot = makeFakeWebRoot();
    const { clinic, owner } = await clinicWithOwner(database.storage);
    const passwordHash = await hashPassword('the right password');
    email = (
      await addAccount(
        database.storage,
        newAccount(clinic.id, 'client', { passwordHash, therapistId: owner.id }),
      )
    ).email;
    const storage = storageOver(
      watchStatements(database.reopen(), (statement) => {
        const shape = shapeOf(statement);
        if (shape !== null) seen.push(shape);
      }),
    );
    app = buildApp({ webRoot: webRoot.path, storage, now: testClock().now });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    webRoot?.remove();
  });

  const statementsOfSignIn = async (withEmail: string) => {
    seen.length = 0;
    address += 1;
    const response = await callApi(app, {
      method: 'POST',
      url: '/api/auth/sign-in',
      body: { email: withEmail, password: 'a wrong password' },
      remoteAddress: `10.1.0.${address}`,
    });
    expect(response.statusCode).toBe(401);
    return [...seen];
  };

  it('runs the same statements for an unknown email as for a wrong password', async () => {
    const known = await statementsOfSignIn(email);
    const unknown = await statementsOfSignIn('nobody.here@example.test');
    expect(known.length).toBeGreaterThan(3);
    if (backend === 'sqlite') {
      // The audit entry goes in through a prepared statement on SQLite.
      expect(known).toContainEqual(expect.stringMatching(/^prepared: insert into "audit_log"/));
    }
    expect(unknown).toEqual(known);
  });
});
