#!/usr/bin/env node
// Latency under load: 200 client devices syncing at once against the real
// server process on loopback, each on its own keep-alive connection pushing a
// batch of its session events (10 by default) once a second, open loop from a
// random phase, latency counted from when each push was due (so queueing
// counts; no coordinated omission). Every device is a real client
// account that joined by invitation; its events come from the engine's
// simulator. After the run, each device's cursor on the server is checked
// against the pushes it saw acknowledged. Runs on SQLite, and on PostgreSQL
// too when GLUTEWAKE_TEST_PG_URL names a server whose role may create
// databases. The goal from the server issue: p99 at most 50 ms, no errors.
// Alongside, how long the disk took to flush a small write during the run
// (support/disk-probe.mjs): a durable commit waits for the same flush.
// Prints JSON: {syncLoad: {sqlite: {...}, postgres: {...}}}.
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { startDiskProbe } from '../support/disk-probe.mjs';
import { quantile, toTenth } from '../support/quantile.mjs';
import { onEachBackend, startServer } from '../support/server.mjs';
import { findBuiltinProtocol, parseScript, simulateSession } from '@glutewake/core';

const DEVICES = Number(process.env.SYNC_LOAD_DEVICES ?? 200);
const RATE_PER_DEVICE = Number(process.env.SYNC_LOAD_RATE ?? 1);
const EVENTS_PER_PUSH = Number(process.env.SYNC_LOAD_EVENTS ?? 10);
const SECONDS = Number(process.env.SYNC_LOAD_SECONDS ?? 20);
const GOAL_P99_MS = 50;

/** A JSON API call with the session cookie it carries; returns the body and the new cookie. */
async function call(origin, method, path, body, cookie) {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: {
      origin,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  const setCookie = response.headers.get('set-cookie');
  return {
    json: text ? JSON.parse(text) : null,
    cookie: setCookie ? setCookie.split(';')[0] : cookie,
  };
}

/**
 * One device's session events, session after session, generated before the
 * run (so the load generator does no engine work while it measures): enough
 * for every push the run can make, with room to spare.
 */
function eventSource(deviceIndex, needed) {
  const protocol = findBuiltinProtocol('prone-ankle-squeeze');
  const script = parseScript(
    '10:thighs 20:hamstrings 30:left 34:right s1:both/even s2:both/even s3:both/even',
  );
  if (!script.ok) throw new Error(script.problems.join('; '));
  const pending = [];
  for (let session = 0; pending.length < needed; session++) {
    const sessionId = `d${deviceIndex}-s${session}`;
    const startAt = Date.UTC(2026, 0, 1) + session * 86_400_000;
    const { events } = simulateSession({ protocol, script: script.actions, startAt, sessionId });
    pending.push(...events.map((event, index) => ({ sessionId, index, event })));
  }
  return (count) => pending.splice(0, count);
}

async function prepareClinic(origin) {
  const owner = await call(origin, 'POST', '/api/setup', {
    clinicName: 'Bench Clinic',
    displayName: 'Bench Owner',
    email: 'owner@bench.example',
    password: 'a long bench password',
  });
  const devices = [];
  const join = async (index) => {
    const { json } = await call(
      origin,
      'POST',
      '/api/invitations',
      { kind: 'client' },
      owner.cookie,
    );
    const client = await call(origin, 'POST', '/api/invitations/accept', {
      code: json.code,
      email: `client-${index}@bench.example`,
      password: 'a long bench password',
      displayName: `Client ${index}`,
    });
    devices[index] = {
      index,
      cookie: client.cookie,
      clientId: client.json.id,
      deviceId: randomUUID(),
      nextSeq: 1,
      take: eventSource(index, EVENTS_PER_PUSH * RATE_PER_DEVICE * (SECONDS + 5) * 2),
      inFlight: null,
      agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    };
  };
  for (let start = 0; start < DEVICES; start += 4) {
    await Promise.all([0, 1, 2, 3].filter((k) => start + k < DEVICES).map((k) => join(start + k)));
  }
  return devices;
}

/** One push of a device's next batch on its own keep-alive connection; resolves to the status. */
function push(origin, device, events) {
  const body = JSON.stringify({
    syncVersion: 1,
    deviceId: device.deviceId,
    clientId: device.clientId,
    events: events.map((item, offset) => ({ seq: device.nextSeq + offset, ...item })),
  });
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const request = httpRequest(
      {
        hostname,
        port,
        method: 'POST',
        path: '/api/sync/push',
        agent: device.agent,
        headers: {
          origin,
          cookie: device.cookie,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', () => resolve(0));
    request.end(body);
  });
}

/**
 * The open-loop load: each device pushes at a fixed rate from a random phase
 * (devices are not in step, as real ones are not), one push at a time, as a
 * device does. A push's latency counts from when it was due, so a push held
 * up behind a slow one counts the wait too (no coordinated omission).
 */
async function runLoad(origin, devices) {
  const intervalMs = 1000 / RATE_PER_DEVICE;
  const latencies = [];
  let errors = 0;
  const start = performance.now() + 500;
  const end = start + SECONDS * 1000;
  const sleepUntil = (at) => new Promise((r) => setTimeout(r, Math.max(0, at - performance.now())));
  await Promise.all(
    devices.map(async (device) => {
      for (let due = start + Math.random() * intervalMs; due < end; due += intervalMs) {
        await sleepUntil(due);
        device.inFlight ??= device.take(EVENTS_PER_PUSH);
        const status = await push(origin, device, device.inFlight);
        latencies.push(performance.now() - due);
        if (status === 200) {
          device.nextSeq += device.inFlight.length;
          device.inFlight = null;
        } else errors++;
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  const at = (q) => toTenth(quantile(latencies, q));
  return {
    requests: latencies.length,
    errors,
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
  };
}

/** Devices whose cursor on the server is not what their acknowledgements said. */
async function checkCursors(origin, devices) {
  let mismatches = 0;
  for (const device of devices) {
    const { json } = await call(
      origin,
      'GET',
      `/api/sync/status?deviceId=${device.deviceId}`,
      undefined,
      device.cookie,
    );
    if (json.nextSeq !== device.nextSeq) mismatches++;
  }
  return mismatches;
}

async function measure(databaseUrl) {
  const { origin, stop } = await startServer(databaseUrl, 'SYNC_LOAD_NODE_ARGS');
  try {
    const devices = await prepareClinic(origin);
    const probe = await startDiskProbe(tmpdir());
    const result = await runLoad(origin, devices);
    const diskDuringRun = await probe.stop();
    const eventsStored = devices.reduce((sum, device) => sum + device.nextSeq - 1, 0);
    return {
      devices: DEVICES,
      pushesPerDevicePerSecond: RATE_PER_DEVICE,
      eventsPerPush: EVENTS_PER_PUSH,
      seconds: SECONDS,
      requests: result.requests,
      eventsStored,
      latencyMs: result.latencyMs,
      errors: result.errors,
      cursorMismatches: await checkCursors(origin, devices),
      diskDuringRun,
      goal: {
        p99AtMostMs: GOAL_P99_MS,
        met: result.latencyMs.p99 <= GOAL_P99_MS && result.errors === 0,
      },
    };
  } finally {
    stop();
  }
}

console.log(JSON.stringify({ syncLoad: await onEachBackend(measure) }, null, 2));
