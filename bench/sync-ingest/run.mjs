#!/usr/bin/env node
// The sync-ingest benchmark: events per second through the real HTTP sync
// endpoint (POST /api/sync/push on a loopback port, batches of 200 events
// from several simulated devices at once, each batch checked, stored,
// folded into session summaries and client statistics in one transaction),
// against the raw rate of inserting the same rows straight into the database
// in batched transactions of the same size, and the ratio of the two (the
// goal is >= 0.5). SQLite always; PostgreSQL too when GLUTEWAKE_TEST_PG_URL
// is set (a scratch database is created and dropped). Needs the compiled
// server (`npx tsc -b packages/core apps/server`). `--events N` sets how many
// events each run ingests (default 20000). Prints one JSON object:
// {syncIngest: {batchSize, events, sqlite: {...}, postgres: {...}}}.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { findBuiltinProtocol, parseScript, simulateSession } from '@glutewake/core';
import { newSessionToken, sessionTokenHash } from '../../apps/server/dist/auth/tokens.js';
import { migrateToLatest } from '../../apps/server/dist/db/migrate.js';
import { openDatabase } from '../../apps/server/dist/db/open.js';
import { DEFAULT_SETTINGS } from '../../apps/server/dist/settings.js';
import { storageOver } from '../../apps/server/dist/storage/storage.js';

const serverBin = fileURLToPath(
  new URL('../../apps/server/bin/glutewake-server.js', import.meta.url),
);
const BATCH_SIZE = 200;
const DEVICES = 4;
const START = Date.UTC(2026, 2, 2, 9);

function eventsFromArgs(args) {
  const index = args.indexOf('--events');
  const raw = index >= 0 ? args[index + 1] : undefined;
  const events = raw === undefined ? 20_000 : Number(raw);
  if (!Number.isInteger(events) || events < BATCH_SIZE || events > 1_000_000) {
    throw new Error(`--events must be a whole number from ${BATCH_SIZE} to 1000000`);
  }
  return events;
}

const log = (message) => console.error(`sync-ingest: ${message}`);

/** One device's log: whole simulated sessions, numbered 1, 2, 3, ... */
function deviceLog(eventCount) {
  const protocol = findBuiltinProtocol('glute-bridge');
  const script = parseScript('3:thighs 6:left 9:both');
  if (protocol === null || !script.ok) throw new Error('the built-in protocol is missing');
  const entries = [];
  for (let day = 0; entries.length < eventCount; day++) {
    const sessionId = `bench-${randomUUID()}`;
    const { events } = simulateSession({
      protocol,
      script: script.actions,
      sessionId,
      startAt: START + day * 86_400_000,
      settings: { timescale: 0.01 },
    });
    events.forEach((event, index) => {
      if (entries.length < eventCount) {
        entries.push({ seq: entries.length + 1, sessionId, index, event });
      }
    });
  }
  return entries;
}

async function world(storage) {
  const now = Date.now();
  const clinicId = randomUUID();
  await storage.clinics.create({ id: clinicId, name: 'Bench', createdAt: now });
  const account = (role, therapistId) => ({
    id: randomUUID(),
    clinicId,
    role,
    email: `${role}.${randomUUID()}@bench.test`,
    displayName: role,
    passwordHash: 'not-a-password-hash',
    therapistId,
    sharing: { history: 'all', symptoms: true, notes: true },
    createdAt: now,
  });
  const accept = async (newAccount) => {
    const invitationId = randomUUID();
    await storage.invitations.create(
      {
        id: invitationId,
        clinicId,
        kind: newAccount.role,
        createdBy: null,
        therapistId: newAccount.therapistId,
        nameHint: null,
        createdAt: now,
        expiresAt: now + 86_400_000,
        usedAt: null,
        usedBy: null,
        revokedAt: null,
      },
      `bench-${invitationId}`,
    );
    await storage.invitations.accept(invitationId, newAccount);
    return newAccount;
  };
  const therapist = await accept(account('therapist', null));
  const clients = [];
  for (let count = 0; count < DEVICES; count++) {
    const client = await accept(account('client', therapist.id));
    const token = newSessionToken();
    await storage.authSessions.create({
      tokenHash: sessionTokenHash(token),
      accountId: client.id,
      clinicId,
      role: 'client',
      createdAt: now,
      lastSeenAt: now,
      idleTimeoutMs: DEFAULT_SETTINGS.clientSession.idleTimeoutMs,
      expiresAt: now + DEFAULT_SETTINGS.clientSession.absoluteLifetimeMs,
    });
    clients.push({ client, cookie: `glutewake_session=${token}`, deviceId: randomUUID() });
  }
  return { clinicId, clients };
}

function databaseUrlOf(config) {
  return config.kind === 'sqlite' ? `sqlite:${config.path}` : config.url;
}

/** The real server process (bin/glutewake-server.js) on a loopback port; resolves with its origin. */
function startServer(config, webRoot) {
  const child = spawn(process.execPath, [serverBin], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrlOf(config),
      WEB_ROOT: webRoot,
      PG_POOL_SIZE: '4',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('the server did not start')), 30_000);
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const origin = /being served at (http:\/\/[^\s]+)/.exec(output)?.[1];
      if (origin !== undefined && timer !== null) {
        clearTimeout(timer);
        resolve({ child, origin: origin.replace('localhost', '127.0.0.1') });
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Events per second through POST /api/sync/push of the real server, DEVICES devices at once. */
async function httpRate(config, eventsPerRun) {
  const handle = openDatabase(config);
  await migrateToLatest(handle);
  const storage = storageOver(handle);
  const { clients } = await world(storage);
  await storage.close();
  const webRoot = mkdtempSync(join(tmpdir(), 'glutewake-bench-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>bench</title>');
  const { child, origin } = await startServer(config, webRoot);
  try {
    const perDevice = Math.ceil(eventsPerRun / DEVICES);
    const logs = clients.map(() => deviceLog(perDevice));
    const bodies = clients.map(({ client, deviceId }, index) => {
      const entries = logs[index];
      const batches = [];
      for (let start = 0; start < entries.length; start += BATCH_SIZE) {
        batches.push(
          JSON.stringify({
            syncVersion: 1,
            deviceId,
            clientId: client.id,
            events: entries.slice(start, start + BATCH_SIZE),
          }),
        );
      }
      return batches;
    });
    const pushAll = async ({ cookie }, batches) => {
      for (const body of batches) {
        const response = await fetch(`${origin}/api/sync/push`, {
          method: 'POST',
          headers: { origin, cookie, 'content-type': 'application/json' },
          body,
        });
        if (response.status !== 200) {
          throw new Error(`push answered ${response.status}: ${await response.text()}`);
        }
        await response.arrayBuffer();
      }
    };
    const started = performance.now();
    await Promise.all(clients.map((each, index) => pushAll(each, bodies[index])));
    const seconds = (performance.now() - started) / 1000;
    const events = logs.reduce((sum, entries) => sum + entries.length, 0);
    return { events, seconds, eventsPerSecond: events / seconds, rows: logs };
  } finally {
    await stopServer(child);
    rmSync(webRoot, { recursive: true, force: true });
  }
}

const RAW_TABLE =
  'create table raw_events (clinic_id text not null, client_id text not null, ' +
  'device_id text not null, seq bigint not null, session_id text not null, ' +
  'event_index integer not null, event_type text not null, event text not null, ' +
  'client_at bigint not null, received_at bigint not null, ' +
  'primary key (clinic_id, device_id, seq))';

function rawRowsOf(logs) {
  const clinicId = randomUUID();
  return logs.flatMap((entries) => {
    const clientId = randomUUID();
    const deviceId = randomUUID();
    return entries.map((entry) => [
      clinicId,
      clientId,
      deviceId,
      entry.seq,
      entry.sessionId,
      entry.index,
      entry.event.type,
      JSON.stringify(entry.event),
      entry.event.at,
      Date.now(),
    ]);
  });
}

/** The same rows straight into better-sqlite3, BATCH_SIZE per transaction, same pragmas. */
function rawSqliteRate(folder, logs) {
  const sqlite = new SqliteDatabase(join(folder, 'raw.sqlite'));
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.exec(RAW_TABLE);
    const insert = sqlite.prepare('insert into raw_events values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertBatch = sqlite.transaction((rows) => {
      for (const row of rows) insert.run(row);
    });
    const rows = rawRowsOf(logs);
    const started = performance.now();
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      insertBatch(rows.slice(start, start + BATCH_SIZE));
    }
    const seconds = (performance.now() - started) / 1000;
    return { events: rows.length, seconds, eventsPerSecond: rows.length / seconds };
  } finally {
    sqlite.close();
  }
}

/** The same rows straight into PostgreSQL: one multi-row INSERT per transaction of BATCH_SIZE. */
async function rawPostgresRate(url, logs) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(RAW_TABLE);
    const rows = rawRowsOf(logs);
    const started = performance.now();
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const batch = rows.slice(start, start + BATCH_SIZE);
      const placeholders = batch
        .map((_, row) => `(${Array.from({ length: 10 }, (_, col) => `$${row * 10 + col + 1}`)})`)
        .join(', ');
      await client.query('begin');
      await client.query(`insert into raw_events values ${placeholders}`, batch.flat());
      await client.query('commit');
    }
    const seconds = (performance.now() - started) / 1000;
    return { events: rows.length, seconds, eventsPerSecond: rows.length / seconds };
  } finally {
    await client.end();
  }
}

function figures(http, raw) {
  const round = (value) => Math.round(value);
  return {
    httpEventsPerSecond: round(http.eventsPerSecond),
    rawEventsPerSecond: round(raw.eventsPerSecond),
    ratio: Number((http.eventsPerSecond / raw.eventsPerSecond).toFixed(3)),
    httpSeconds: Number(http.seconds.toFixed(3)),
    rawSeconds: Number(raw.seconds.toFixed(3)),
    meetsGoal: http.eventsPerSecond / raw.eventsPerSecond >= 0.5,
  };
}

async function sqliteRun(eventsPerRun) {
  const folder = mkdtempSync(join(tmpdir(), 'glutewake-bench-db-'));
  try {
    mkdirSync(folder, { recursive: true });
    log(`SQLite: ${eventsPerRun} events through HTTP`);
    const http = await httpRate(
      { kind: 'sqlite', path: join(folder, 'glutewake.sqlite') },
      eventsPerRun,
    );
    log('SQLite: the same rows raw');
    return figures(http, rawSqliteRate(folder, http.rows));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function adminQuery(url, statement) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function postgresRun(baseUrl, eventsPerRun) {
  const names = [1, 2].map(() => `glutewake_bench_${randomBytes(6).toString('hex')}`);
  const urlOf = (name) => {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  for (const name of names) await adminQuery(baseUrl, `create database ${name}`);
  try {
    log(`PostgreSQL: ${eventsPerRun} events through HTTP`);
    const http = await httpRate(
      { kind: 'postgres', url: urlOf(names[0]), poolSize: 4 },
      eventsPerRun,
    );
    log('PostgreSQL: the same rows raw');
    return figures(http, await rawPostgresRate(urlOf(names[1]), http.rows));
  } finally {
    for (const name of names) {
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    }
  }
}

const eventsPerRun = eventsFromArgs(process.argv.slice(2));
const pgUrl = process.env.GLUTEWAKE_TEST_PG_URL?.trim() || null;
const result = {
  batchSize: BATCH_SIZE,
  devices: DEVICES,
  events: eventsPerRun,
  sqlite: await sqliteRun(eventsPerRun),
  postgres:
    pgUrl === null
      ? { skipped: 'GLUTEWAKE_TEST_PG_URL is not set' }
      : await postgresRun(pgUrl, eventsPerRun),
};
console.log(JSON.stringify({ syncIngest: result }, null, 2));
