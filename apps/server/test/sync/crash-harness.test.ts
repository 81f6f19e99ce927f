// The crash harness (RELIABILITY rows 2, 12 and 13): the real server process
// (bin/glutewake-server.js over the compiled dist) on a loopback port and
// the test's database, with several simulated devices pushing batches at
// once. The process is killed with SIGKILL three times under load (with
// pushes in flight, checked: a refused connection does not count) and
// restarted on the same database; the devices keep retrying from their last
// acknowledged sequence number. Afterwards every acknowledged event is there
// exactly once, every created event is stored or quarantined exactly once,
// and the statistics equal those computed from scratch.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/db/open.js';
import { openStorage } from '../../src/storage/storage.js';
import type { Account, IncomingEvent } from '../../src/storage/types.js';
import { makeFakeWebRoot, type FakeWebRoot } from '../fake-web-root.js';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../support/backends.js';
import { addAccount, clinicWorld, newAccount } from '../support/fixtures.js';
import { cookieFor } from '../support/requests.js';
import { FakeDevice, pushBody, sessionLog, statisticsFromScratch } from '../support/sync.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const serverBin = fileURLToPath(new URL('../../bin/glutewake-server.js', import.meta.url));
const DEVICES = 4;
const SESSIONS_PER_DEVICE = 8;
const BATCH = 40;
const KILLS = 3;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function databaseUrl(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? `sqlite:${config.path}` : config.url;
}

/** Starts the real server and resolves once it says it is listening. */
function startServer(config: DatabaseConfig, webRoot: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [serverBin], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl(config),
      WEB_ROOT: webRoot,
      PG_POOL_SIZE: '4',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Glutewake is being served at')) {
        clearTimeout(timer);
        child.stdout?.off('data', listen);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface LoadedDevice {
  client: Account;
  cookie: string;
  device: FakeDevice;
  acknowledgedThrough: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachBackend('the real server killed under sync load', (backend) => {
  let database: TestDatabase;
  let webRoot: FakeWebRoot;
  let server: ChildProcess | null = null;
  beforeAll(async () => {
    const build = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('node_modules/typescript/bin/tsc', `file://${repoRoot}/`)),
        '-b',
        'packages/core',
        'apps/server',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`tsc -b failed: ${build.stdout}${build.stderr}`);
    database = await createTestDatabase(backend);
    webRoot = makeFakeWebRoot();
  }, 180_000);
  afterAll(async () => {
    if (server !== null) await killed(server);
    await database?.drop();
    webRoot?.remove();
  });

  it('rows 2, 12 and 13: keeps every acknowledged event exactly once; every retry completes once', async () => {
    const world = await clinicWorld(database.storage);
    const devices: LoadedDevice[] = [];
    for (let count = 0; count < DEVICES; count++) {
      const owner = count % 2 === 0 ? undefined : devices[count - 1]?.client;
      const client =
        owner ??
        (await addAccount(
          database.storage,
          newAccount(world.clinic.id, 'client', { therapistId: world.therapist.id }),
        ));
      const device = new FakeDevice();
      for (let session = 0; session < SESSIONS_PER_DEVICE; session++) {
        const { sessionId, events } = sessionLog({ startAt: Date.now() + session * 86_400_000 });
        device.record(sessionId, events);
        if (session === 3) device.record(sessionId, [{ type: 'felt', at: 1 }], events.length);
      }
      const cookie = await cookieFor(database.storage, client, Date.now());
      devices.push({ client, cookie, device, acknowledgedThrough: 0 });
    }
    const total = devices.reduce((sum, each) => sum + each.device.log.length, 0);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    server = await startServer(database.config, webRoot.path, port);

    /** Requests the server had taken and never answered: a kill landed with them in flight. */
    let cutOff = 0;
    const pushOnce = async (loaded: LoadedDevice, events: IncomingEvent[]) => {
      try {
        const response = await fetch(`${origin}/api/sync/push`, {
          method: 'POST',
          headers: { origin, cookie: loaded.cookie, 'content-type': 'application/json' },
          body: JSON.stringify(pushBody(loaded.device, loaded.client, events)),
        });
        const body = (await response.json()) as { throughSeq?: number; expectedSeq?: number };
        if (response.status === 200) return body.throughSeq ?? 0;
        if (response.status === 409) return (body.expectedSeq ?? 1) - 1;
        if (response.status === 503) return null;
        throw new Error(`unexpected ${response.status}: ${JSON.stringify(body)}`);
      } catch (error) {
        // The server is down (or died with this request in flight): try again.
        if (error instanceof TypeError) {
          const { code } = (error.cause ?? {}) as { code?: string };
          if (code !== 'ECONNREFUSED') cutOff += 1;
          return null;
        }
        throw error;
      }
    };
    const drive = async (loaded: LoadedDevice) => {
      for (let attempt = 0; loaded.acknowledgedThrough < loaded.device.log.length; attempt++) {
        if (attempt > 2_000) throw new Error('a device never finished');
        const from = loaded.acknowledgedThrough + 1;
        const through = await pushOnce(loaded, loaded.device.slice(from, BATCH));
        if (through === null) await pause(25);
        else loaded.acknowledgedThrough = Math.max(loaded.acknowledgedThrough, through);
      }
    };
    const acknowledged = () => devices.reduce((sum, each) => sum + each.acknowledgedThrough, 0);
    const kill = async () => {
      for (let kills = 1; kills <= KILLS; kills++) {
        while (acknowledged() < (total * kills) / (KILLS + 1)) await pause(5);
        const before = devices.map((each) => each.acknowledgedThrough);
        if (server !== null) await killed(server);
        server = await startServer(database.config, webRoot.path, port);
        // Everything acknowledged before the kill must have survived it.
        await expectStored(devices, before);
      }
    };
    await Promise.all([...devices.map(drive), kill()]);
    await expectStored(
      devices,
      devices.map((each) => each.device.log.length),
      true,
    );
    expect(acknowledged()).toBe(total);
    // Refused connections alone (the server down between runs) would prove nothing.
    expect(cutOff, 'requests the kills cut off in flight').toBeGreaterThan(0);
  }, 120_000);

  /**
   * Each device's events through `through[i]` are stored (or quarantined) exactly once;
   * at rest, the statistics equal those computed from scratch.
   */
  const expectStored = async (
    devices: readonly LoadedDevice[],
    through: readonly number[],
    atRest = false,
  ) => {
    const storage = openStorage(database.config);
    try {
      for (const [position, loaded] of devices.entries()) {
        const { client, device } = loaded;
        const stored = (await storage.sync.events(client.clinicId, client.id)).filter(
          (each) => each.deviceId === device.id,
        );
        const parked = (await storage.sync.quarantine(client.clinicId, client.id, 500)).filter(
          (each) => each.deviceId === device.id,
        );
        const seqs = [...stored, ...parked].map((each) => each.seq).sort((a, b) => a - b);
        expect(new Set(seqs).size).toBe(seqs.length);
        const expected = Array.from({ length: through[position] ?? 0 }, (_, i) => i + 1);
        expect(seqs.slice(0, expected.length)).toEqual(expected);
        // Under load the devices keep pushing between these reads: statistics only at rest.
        if (!atRest) continue;
        const all = await storage.sync.events(client.clinicId, client.id);
        const scratch = statisticsFromScratch(all);
        const statistics = await storage.sync.statistics(client.clinicId, client.id);
        expect(statistics).toMatchObject({ ...scratch.aggregates, eventsCount: all.length });
        for (const summary of await storage.sync.sessionSummaries(client.clinicId, client.id)) {
          expect(summary.summary).toEqual(scratch.summaries.get(summary.sessionId)?.summary);
        }
      }
    } finally {
      await storage.close();
    }
  };
});
