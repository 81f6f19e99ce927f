#!/usr/bin/env node
// The sync-ingest benchmark: events per second through the real HTTP sync
// endpoint (POST /api/sync/push on a loopback port, batches of 200 events
// from several simulated devices at once, each batch checked, stored,
// folded into session summaries and client statistics in one transaction),
// against the raw rate of writing the same rows straight into the database
// in batched transactions of the same size (the push's own rows: events,
// session summaries, the cursor and the client's statistics, into the same
// migrated schema with its keys and constraints), and the ratio of the two
// (the goal is >= 0.5). SQLite always; PostgreSQL too when GLUTEWAKE_TEST_PG_URL
// is set (a scratch database is created and dropped). Needs the compiled
// server (`npx tsc -b packages/core apps/server`). SYNC_INGEST_NODE_ARGS passes
// node flags to the server (e.g. "--cpu-prof"). `--events N` sets how many
// events each run ingests (default 100000: long enough for a warmed-up server and a raw run of
// more than a moment). Prints one JSON object:
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
import { startDiskProbe } from '../support/disk-probe.mjs';
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
  const events = raw === undefined ? 100_000 : Number(raw);
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
  const nodeArgs = (process.env.SYNC_INGEST_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, serverBin], {
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
  const { clinicId, clients } = await world(storage);
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
    const probe = await startDiskProbe(tmpdir());
    const started = performance.now();
    await Promise.all(clients.map((each, index) => pushAll(each, bodies[index])));
    const seconds = (performance.now() - started) / 1000;
    const disk = await probe.stop();
    const events = logs.reduce((sum, entries) => sum + entries.length, 0);
    return { events, seconds, eventsPerSecond: events / seconds, disk, rows: logs, clinicId };
  } finally {
    await stopServer(child);
    rmSync(webRoot, { recursive: true, force: true });
  }
}

// The raw baseline writes the very rows a push writes, into the same
// migrated schema (same keys, constraints and row-level security): each
// event row, each touched session's summary row (with the summary the HTTP
// run stored), the device's cursor and the client's statistics row. What it
// leaves out is what the endpoint adds: HTTP, checking each event, and
// folding the summaries.
const SUMMARY_COLUMNS = [
  'protocol_id',
  'protocol_version',
  'program_id',
  'program_version',
  'started_at',
  'ended_at',
  'outcome',
  'left_fired_at_rep',
  'right_fired_at_rep',
  'last_balance',
  'work_reps',
  'symptoms',
  'note',
  'event_count',
  'summary',
];

/** The batches a raw run writes: for each device in turn, BATCH_SIZE events at a time. */
function rawBatchesOf(logs, devices, storedSummaries, clinicId) {
  const batches = [];
  logs.forEach((entries, device) => {
    const { clientId, deviceId } = devices[device];
    for (let start = 0; start < entries.length; start += BATCH_SIZE) {
      const slice = entries.slice(start, start + BATCH_SIZE);
      const receivedAt = Date.now();
      const events = slice.map((entry) => [
        clinicId,
        clientId,
        deviceId,
        entry.seq,
        entry.sessionId,
        entry.index,
        entry.event.type,
        JSON.stringify(entry.event),
        entry.event.at,
        receivedAt,
      ]);
      const sessions = [...new Set(slice.map((entry) => entry.sessionId))].map((sessionId) => {
        const stored = storedSummaries.get(sessionId);
        if (stored === undefined) throw new Error(`no stored summary for ${sessionId}`);
        return [
          clinicId,
          sessionId,
          clientId,
          ...SUMMARY_COLUMNS.map((c) => stored[c]),
          receivedAt,
        ];
      });
      const nextSeq = slice.at(-1).seq + 1;
      batches.push({ clientId, deviceId, events, sessions, nextSeq, receivedAt });
    }
  });
  return batches;
}

/** A fresh migrated database with the bench's clinic, clients and devices in it. */
async function rawWorld(config, deviceCount) {
  const handle = openDatabase(config);
  await migrateToLatest(handle);
  const storage = storageOver(handle);
  const { clinicId, clients } = await world(storage);
  await storage.close();
  const devices = clients
    .slice(0, deviceCount)
    .map(({ client }) => ({ clientId: client.id, deviceId: randomUUID() }));
  return { clinicId, devices };
}

const EVENT_INSERT =
  'insert into sync_events (clinic_id, client_id, device_id, seq, session_id, event_index, ' +
  'event_type, event, client_at, received_at) values ';
const summaryUpsert = (placeholders) =>
  `insert into session_summaries (clinic_id, session_id, client_id, ${SUMMARY_COLUMNS.join(', ')}, updated_at) ` +
  `values ${placeholders} on conflict (clinic_id, session_id) do update set ` +
  [...SUMMARY_COLUMNS, 'updated_at'].map((c) => `${c} = excluded.${c}`).join(', ');
const STATISTICS_UPSERT =
  'insert into client_statistics (clinic_id, client_id, sessions_count, ended_sessions_count, ' +
  'last_session_at, events_count, quarantined_count, last_synced_at, updated_at) ' +
  'values ($1, $2, 0, 0, null, $3, 0, $4, $5) on conflict (clinic_id, client_id) do update set ' +
  'events_count = client_statistics.events_count + excluded.events_count, ' +
  'last_synced_at = excluded.last_synced_at, updated_at = excluded.updated_at';
const DEVICE_INSERT =
  'insert into sync_devices (clinic_id, device_id, client_id, next_seq, created_at, updated_at) ' +
  'values ($1, $2, $3, 1, $4, $5)';
const CURSOR_UPDATE =
  'update sync_devices set next_seq = $1, updated_at = $2 where clinic_id = $3 and device_id = $4';

const asSqlite = (statement) => statement.replace(/\$\d+/g, '?');

function storedSummariesOfSqlite(path) {
  const sqlite = new SqliteDatabase(path, { readonly: true });
  try {
    const rows = sqlite.prepare('select * from session_summaries').all();
    return new Map(rows.map((row) => [row.session_id, row]));
  } finally {
    sqlite.close();
  }
}

/** The same rows straight into better-sqlite3, one transaction per batch, same pragmas. */
async function rawSqliteRate(folder, logs, storedSummaries) {
  const path = join(folder, 'raw.sqlite');
  const { clinicId, devices } = await rawWorld({ kind: 'sqlite', path }, logs.length);
  const sqlite = new SqliteDatabase(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    const insertDevice = sqlite.prepare(asSqlite(DEVICE_INSERT));
    for (const { clientId, deviceId } of devices)
      insertDevice.run(clinicId, deviceId, clientId, Date.now(), Date.now());
    const insertEvent = sqlite.prepare(`${EVENT_INSERT}(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const upsertSummary = sqlite.prepare(
      summaryUpsert(`(${Array.from({ length: SUMMARY_COLUMNS.length + 4 }, () => '?')})`),
    );
    const upsertStatistics = sqlite.prepare(asSqlite(STATISTICS_UPSERT));
    const moveCursor = sqlite.prepare(asSqlite(CURSOR_UPDATE));
    const writeBatch = sqlite.transaction((batch) => {
      for (const row of batch.events) insertEvent.run(row);
      for (const row of batch.sessions) upsertSummary.run(row);
      upsertStatistics.run(
        clinicId,
        batch.clientId,
        batch.events.length,
        batch.receivedAt,
        batch.receivedAt,
      );
      moveCursor.run(batch.nextSeq, batch.receivedAt, clinicId, batch.deviceId);
    });
    const batches = rawBatchesOf(logs, devices, storedSummaries, clinicId);
    const probe = await startDiskProbe(tmpdir());
    const started = performance.now();
    for (const batch of batches) writeBatch(batch);
    const seconds = (performance.now() - started) / 1000;
    const disk = await probe.stop();
    const events = batches.reduce((sum, batch) => sum + batch.events.length, 0);
    return { events, seconds, eventsPerSecond: events / seconds, disk };
  } finally {
    sqlite.close();
  }
}

async function storedSummariesOfPostgres(url, clinicId) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The summaries are clinic-owned: read them inside the bench clinic's scope.
    await client.query('begin');
    await client.query('select set_config($1, $2, true)', ['glutewake.clinic_id', clinicId]);
    const { rows } = await client.query('select * from session_summaries');
    await client.query('commit');
    return new Map(rows.map((row) => [row.session_id, row]));
  } finally {
    await client.end();
  }
}

const placeholdersFor = (rows, width, from = 1) =>
  rows
    .map(
      (_, row) => `(${Array.from({ length: width }, (_, col) => `$${from + row * width + col}`)})`,
    )
    .join(', ');

/** The same rows straight into PostgreSQL: multi-row statements, one transaction per batch. */
async function rawPostgresRate(url, logs, storedSummaries) {
  const { clinicId, devices } = await rawWorld({ kind: 'postgres', url, poolSize: 1 }, logs.length);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const inClinic = async (work) => {
    await client.query('begin');
    await client.query('select set_config($1, $2, true)', ['glutewake.clinic_id', clinicId]);
    await work();
    await client.query('commit');
  };
  try {
    await inClinic(async () => {
      for (const { clientId, deviceId } of devices) {
        await client.query(DEVICE_INSERT, [clinicId, deviceId, clientId, Date.now(), Date.now()]);
      }
    });
    const batches = rawBatchesOf(logs, devices, storedSummaries, clinicId);
    const probe = await startDiskProbe(tmpdir());
    const started = performance.now();
    for (const batch of batches) {
      await inClinic(async () => {
        await client.query(
          `${EVENT_INSERT}${placeholdersFor(batch.events, 10)}`,
          batch.events.flat(),
        );
        await client.query(
          summaryUpsert(placeholdersFor(batch.sessions, SUMMARY_COLUMNS.length + 4)),
          batch.sessions.flat(),
        );
        await client.query(STATISTICS_UPSERT, [
          clinicId,
          batch.clientId,
          batch.events.length,
          batch.receivedAt,
          batch.receivedAt,
        ]);
        await client.query(CURSOR_UPDATE, [
          batch.nextSeq,
          batch.receivedAt,
          clinicId,
          batch.deviceId,
        ]);
      });
    }
    const seconds = (performance.now() - started) / 1000;
    const disk = await probe.stop();
    const events = batches.reduce((sum, batch) => sum + batch.events.length, 0);
    return { events, seconds, eventsPerSecond: events / seconds, disk };
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
    // How the disk answered during each run (support/disk-probe.mjs).
    disk: { http: http.disk, raw: raw.disk },
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
    return figures(
      http,
      await rawSqliteRate(
        folder,
        http.rows,
        storedSummariesOfSqlite(join(folder, 'glutewake.sqlite')),
      ),
    );
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

/** Drops a scratch database, waiting out an autovacuum worker that FORCE cannot end. */
async function dropDatabase(baseUrl, name) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    } catch (error) {
      if (error?.code !== '42501' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
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
    return figures(
      http,
      await rawPostgresRate(
        urlOf(names[1]),
        http.rows,
        await storedSummariesOfPostgres(urlOf(names[0]), http.clinicId),
      ),
    );
  } finally {
    for (const name of names) {
      await dropDatabase(baseUrl, name);
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
