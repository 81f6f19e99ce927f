// What the server benchmarks share: a free loopback port, the real server
// process on a database of their choosing (with a throwaway web root, and
// node flags from <PREFIX>_NODE_ARGS, e.g. "--cpu-prof", to profile it), a
// scratch PostgreSQL database, and running a measurement on SQLite and, when
// GLUTEWAKE_TEST_PG_URL is set, on PostgreSQL. This folder has no run.mjs,
// so bench/run-all.mjs does not take it for a benchmark.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts apps/server on `databaseUrl`; resolves once /api/health answers. Call stop() after. */
export async function startServer(databaseUrl, nodeArgsVariable) {
  const webRoot = mkdtempSync(join(tmpdir(), 'glutewake-bench-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>bench</title>');
  const port = await freePort();
  const nodeArgs = process.env[nodeArgsVariable]?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(root, 'apps/server/bin/glutewake-server.js')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        WEB_ROOT: webRoot,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(webRoot, { recursive: true, force: true });
  };
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  stop();
  throw new Error('the server did not start');
}

/** Runs `use` on a fresh PostgreSQL database next to the one `adminUrl` names, then drops it. */
async function withPostgresDatabase(adminUrl, use) {
  const name = `glutewake_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await new Promise((r) => setTimeout(r, 500));
    await dropDatabase(admin, name);
    await admin.end();
  }
}

/**
 * Drops a scratch database. FORCE ends our own leftover connections, but not
 * an autovacuum worker cleaning the database (it belongs to the server's
 * superuser): that refusal is retried until the worker is done.
 */
async function dropDatabase(admin, name) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (error) {
      if (error?.code !== '42501' || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * Writes the operating system's dirty pages out before a measurement, so a
 * backend is not timed while the disk is still busy with what the one
 * before it (or the set-up) wrote.
 */
function quietDisk() {
  spawnSync('sync', { stdio: 'ignore' });
}

/** `measure(databaseUrl)` on a scratch SQLite file, and on PostgreSQL when there is one. */
export async function onEachBackend(measure) {
  const dataDir = mkdtempSync(join(tmpdir(), 'glutewake-bench-db-'));
  try {
    quietDisk();
    const sqlite = await measure(`sqlite:${join(dataDir, 'bench.sqlite')}`);
    const pgUrl = process.env.GLUTEWAKE_TEST_PG_URL?.trim();
    const postgres = pgUrl
      ? await withPostgresDatabase(pgUrl, (url) => (quietDisk(), measure(url)))
      : { skipped: 'GLUTEWAKE_TEST_PG_URL is not set' };
    return { sqlite, postgres };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
