#!/usr/bin/env node
// Therapist queries on a full caseload: a clinic of 200 clients, each with
// 180 days of daily sessions (generated straight into the tables sync keeps:
// session summaries and client statistics, 36,000 sessions), served by the
// real server process. Measured over HTTP on loopback, signed in as the
// clinic owner (who sees every client): the client list with each client's
// figures at a glance, and one client's full timeline, for a different client
// each time. The goal from the server issue: each at most 100 ms p95. Runs on
// SQLite, and on PostgreSQL too when GLUTEWAKE_TEST_PG_URL names a server
// whose role may create databases. Prints JSON: {therapistQueries: {...}}.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { quantile, toTenth } from '../support/quantile.mjs';
import { onEachBackend, root, startServer } from '../support/server.mjs';
import {
  findBuiltinProtocol,
  parseScript,
  simulateSession,
  summarize,
  foldSession,
} from '@glutewake/core';

const server = (path) => import(join(root, 'apps/server/dist', path));
const CLIENTS = Number(process.env.QUERY_CLIENTS ?? 200);
const DAYS = Number(process.env.QUERY_DAYS ?? 180);
const RUNS = Number(process.env.QUERY_RUNS ?? 60);
const GOAL_P95_MS = 100;
const DAY_MS = 86_400_000;
const OWNER = { email: 'owner@queries.example', password: 'a long bench password' };

/** A real session summary to copy: the engine's, for one ankle-squeeze session. */
function templateSummary() {
  const protocol = findBuiltinProtocol('prone-ankle-squeeze');
  const script = parseScript('20:left 24:right s1:both/even s2:both/even s3:both/even');
  const { events } = simulateSession({
    protocol,
    script: script.actions,
    startAt: 0,
    sessionId: 't',
  });
  return summarize(foldSession((id, v) => findBuiltinProtocol(id, v), events));
}

/** Writes the clinic, its owner and therapist, and the caseload, through the server's own modules. */
async function generate(databaseUrl, now) {
  const { configFromEnv } = await server('config.js');
  const { openDatabase } = await server('db/open.js');
  const { migrateToLatest } = await server('db/migrate.js');
  const { storageOver } = await server('storage/storage.js');
  const { inClinic } = await server('db/tenancy.js');
  const { hashPassword } = await server('auth/passwords.js');
  const db = openDatabase(configFromEnv({ DATABASE_URL: databaseUrl }).database);
  await migrateToLatest(db);
  const storage = storageOver(db);
  const clinic = { id: randomUUID(), name: 'Caseload Clinic', createdAt: now - 400 * DAY_MS };
  const sharing = { history: 'all', symptoms: true, notes: true };
  const account = (role, extra) => ({
    id: randomUUID(),
    clinicId: clinic.id,
    role,
    email: `${role}-${randomUUID()}@queries.example`,
    displayName: `${role}`,
    passwordHash: 'not-a-password-hash',
    therapistId: null,
    sharing,
    createdAt: clinic.createdAt,
    ...extra,
  });
  const owner = account('owner', {
    email: OWNER.email,
    passwordHash: await hashPassword(OWNER.password),
  });
  await storage.setup.createFirstClinic(clinic, owner);
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) {
    const client = account('client', { therapistId: owner.id, displayName: `Client ${i + 1}` });
    const invitation = {
      id: randomUUID(),
      clinicId: clinic.id,
      kind: 'client',
      createdBy: owner.id,
      therapistId: owner.id,
      nameHint: null,
      createdAt: now,
      expiresAt: now + DAY_MS,
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    };
    await storage.invitations.create(invitation, `code-hash-${invitation.id}`);
    await storage.invitations.accept(invitation.id, client);
    clients.push(client.id);
  }
  const template = templateSummary();
  const summaryJson = JSON.stringify(template);
  await inClinic(db, clinic.id, async (trx) => {
    for (const [c, clientId] of clients.entries()) {
      const rows = [];
      for (let day = DAYS - 1; day >= 0; day--) {
        const startedAt = now - day * DAY_MS - (c % 600) * 60_000;
        const progress = (DAYS - day) / DAYS;
        rows.push({
          clinic_id: clinic.id,
          session_id: `c${c}-d${day}`,
          client_id: clientId,
          protocol_id: 'prone-ankle-squeeze',
          protocol_version: 1,
          program_id: null,
          program_version: null,
          started_at: startedAt,
          ended_at: startedAt + 12 * 60_000,
          outcome: 'activated',
          left_fired_at_rep: Math.round(30 - 24 * progress) + (day % 3),
          right_fired_at_rep: Math.round(34 - 26 * progress) + (day % 4),
          last_balance: day % 5 === 0 ? 'left-stronger' : 'even',
          work_reps: 60,
          symptoms: JSON.stringify({ knee: Math.max(0, Math.round(6 - 5 * progress)) }),
          note: day % 7 === 0 ? 'Felt it more on the right today.' : null,
          event_count: 180,
          summary: summaryJson,
          updated_at: startedAt,
        });
      }
      for (let start = 0; start < rows.length; start += 60) {
        await trx
          .insertInto('session_summaries')
          .values(rows.slice(start, start + 60))
          .execute();
      }
      await trx
        .insertInto('client_statistics')
        .values({
          clinic_id: clinic.id,
          client_id: clientId,
          sessions_count: DAYS,
          ended_sessions_count: DAYS,
          last_session_at: rows.at(-1).started_at,
          events_count: DAYS * 180,
          quarantined_count: 0,
          last_synced_at: now,
          updated_at: now,
        })
        .execute();
    }
  });
  await storage.close();
  return clients;
}

function percentiles(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => toTenth(quantile(sorted, q));
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

async function timed(origin, path, cookie) {
  const started = performance.now();
  const response = await fetch(`${origin}${path}`, { headers: { cookie } });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

async function measure(databaseUrl) {
  const now = Date.now();
  const clients = await generate(databaseUrl, now);
  const { origin, stop } = await startServer(databaseUrl, 'QUERY_NODE_ARGS');
  try {
    const signIn = await fetch(`${origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify(OWNER),
    });
    if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
    const cookie = signIn.headers.get('set-cookie').split(';')[0];
    const list = [];
    const timeline = [];
    let listed = 0;
    let sessions = 0;
    for (let run = 0; run < RUNS; run++) {
      const a = await timed(origin, '/api/clients', cookie);
      list.push(a.ms);
      listed = a.body.clients.length;
      const b = await timed(
        origin,
        `/api/clients/${clients[run % clients.length]}/sessions`,
        cookie,
      );
      timeline.push(b.ms);
      sessions = b.body.sessions.length;
    }
    const clientList = { clients: listed, ...percentiles(list.slice(5)) };
    const clientTimeline = { sessions, ...percentiles(timeline.slice(5)) };
    return {
      clients: CLIENTS,
      daysOfSessions: DAYS,
      runs: RUNS - 5,
      clientListMs: clientList,
      clientTimelineMs: clientTimeline,
      goal: {
        p95AtMostMs: GOAL_P95_MS,
        met: clientList.p95 <= GOAL_P95_MS && clientTimeline.p95 <= GOAL_P95_MS,
      },
    };
  } finally {
    stop();
  }
}

console.log(JSON.stringify({ therapistQueries: await onEachBackend(measure) }, null, 2));
