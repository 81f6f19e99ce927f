// The server process: opens the database named by the environment, brings
// its schema up to date, builds the app, listens, says where, and shuts down
// gracefully. Invariants: no request is served before migrations have run;
// SIGTERM or SIGINT closes the server (in-flight requests finish), then the
// database, and exits 0; a second signal, or a close that takes longer than
// shutdownGraceMs, exits at once with 1.
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { configFromEnv, displayUrl } from './config.js';
import { migrateToLatest, migrationStatus } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { storageOver } from './storage/storage.js';

const shutdownGraceMs = 10_000;

async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  const database = openDatabase(config.database);
  await migrateToLatest(database);
  const { latest } = await migrationStatus(database);
  console.log(`Database: ${database.dialect} at ${database.describe} (schema ${latest})`);
  const storage = storageOver(database);
  const app = buildApp({
    webRoot: config.webRoot,
    storage,
    logger: true,
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins,
  });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  console.log(`Glutewake is being served at ${displayUrl(config.host, port)}`);

  let closing = false;
  const shutDown = (signal: NodeJS.Signals): void => {
    if (closing) {
      app.log.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    app.log.info(`${signal}: closing the server`);
    setTimeout(() => {
      app.log.error(`Still closing after ${shutdownGraceMs} ms: exiting now`);
      process.exit(1);
    }, shutdownGraceMs).unref();
    app
      .close()
      .then(() => storage.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error(error, 'Error while closing');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', shutDown);
  process.on('SIGINT', shutDown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
