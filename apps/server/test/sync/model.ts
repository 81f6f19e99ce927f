// A model of sync for the property test: simulated devices with their
// durable logs (what a person created, including the odd broken event), an
// unreliable network between them and the server (messages delayed,
// reordered, duplicated, lost, answers lost), and a server that can crash
// (between requests, or in the middle of a push, right after any of its
// statements) and restart on the same database. Each command is plain data so that
// fast-check can generate and shrink a run. After a run every device retries
// until it has an acknowledgement for all it created, and the checks compare
// the server's stored set with the union of what the devices created.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/open.js';
import { openStorage, storageOver } from '../../src/storage/storage.js';
import type { Account, IncomingEvent, Storage } from '../../src/storage/types.js';
import type { TestDatabase } from '../support/backends.js';
import { callApi, cookieFor } from '../support/requests.js';
import { FakeDevice, pushBody, sessionLog } from '../support/sync.js';
import { watchStatements, type RanStatement } from '../support/watched-statements.js';
import type { TestClock } from '../support/clock.js';

export type Command =
  | { kind: 'create'; device: number; count: number }
  | { kind: 'send'; device: number; maxBatch: number }
  | { kind: 'deliver'; device: number; message: number; loseAnswer: boolean }
  | { kind: 'duplicate'; device: number; message: number }
  | { kind: 'drop'; device: number; message: number }
  | { kind: 'pull'; device: number }
  | { kind: 'assign'; client: number }
  | { kind: 'crash-server' }
  /** The server dies right after the push's statement number `afterStatements` has run. */
  | { kind: 'crash-server-mid-push'; device: number; message: number; afterStatements: number }
  | { kind: 'crash-client'; device: number };

/**
 * Fails the statement after `statements` have run, once: where the server
 * "died". It counts the query builder's statements and the prepared ones
 * SQLite pushes run directly (event inserts, summaries, the cursor).
 */
class DiesAfter {
  #left: number;
  /** Where the server died: in a query-builder statement, a prepared one, or not at all (the push needed fewer). */
  diedIn: RanStatement['kind'] | null = null;

  constructor(statements: number) {
    this.#left = statements;
  }

  readonly ran = (statement: RanStatement): void => {
    this.#left -= 1;
    if (this.#left !== -1) return;
    this.diedIn = statement.kind;
    throw new Error('the server died here');
  };
}

/** Which client each simulated device belongs to: two devices for the first client. */
export const DEVICE_OWNERS = [0, 0, 1] as const;
export const CLIENTS = 2;

interface SimulatedDevice {
  owner: number;
  device: FakeDevice;
  /** How much of `device.log` the person has created so far (the rest is the future). */
  created: number;
  /** Durable, like IndexedDB: every seq up to this one is acknowledged. */
  acknowledgedThrough: number;
  /** Lost on a client crash: batches sent and not yet answered. */
  inFlight: IncomingEvent[][];
  programCursor: number;
  cookie: string;
}

/** Two whole sessions with a broken event between them (rep -5): it must be quarantined. */
function futureLogOf(device: FakeDevice, startAt: number): void {
  const first = sessionLog({ startAt });
  device.record(first.sessionId, first.events);
  device.record(
    first.sessionId,
    [{ type: 'rep.completed', at: startAt, rep: -5 }],
    first.events.length,
  );
  const second = sessionLog({ startAt: startAt + 86_400_000, script: '4:left 8:stop' });
  device.record(second.sessionId, second.events);
}

export class SyncModel {
  readonly devices: SimulatedDevice[] = [];
  /** For each push the server was to die in: where it died (null: the push needed fewer statements). */
  readonly midPushDeaths: (RanStatement['kind'] | null)[] = [];
  private app: FastifyInstance | null = null;
  private storage: Storage | null = null;

  constructor(
    private readonly database: TestDatabase,
    private readonly webRoot: string,
    private readonly clock: TestClock,
    readonly clients: readonly Account[],
    private readonly therapistId: string,
  ) {}

  async start(): Promise<void> {
    await this.open();
    for (const owner of DEVICE_OWNERS) {
      const device = new FakeDevice();
      futureLogOf(device, this.clock.now());
      const client = this.clients[owner];
      if (client === undefined) throw new Error('no such client');
      this.devices.push({
        owner,
        device,
        created: 0,
        acknowledgedThrough: 0,
        inFlight: [],
        programCursor: 0,
        cookie: await cookieFor(this.server().storage, client, this.clock.now()),
      });
    }
  }

  private async open(dying: DiesAfter | null = null): Promise<void> {
    this.storage =
      dying === null
        ? openStorage(this.database.config)
        : storageOver(watchStatements(openDatabase(this.database.config), dying.ran));
    this.app = buildApp({ webRoot: this.webRoot, storage: this.storage, now: this.clock.now });
    await this.app.ready();
  }

  private server(): { app: FastifyInstance; storage: Storage } {
    if (this.app === null || this.storage === null) throw new Error('the server is not running');
    return { app: this.app, storage: this.storage };
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.storage?.close();
    this.app = null;
    this.storage = null;
  }

  private deviceAt(index: number): SimulatedDevice {
    const device = this.devices[index % this.devices.length];
    if (device === undefined) throw new Error('no devices');
    return device;
  }

  async run(command: Command): Promise<void> {
    this.clock.advance(1_000);
    switch (command.kind) {
      case 'create': {
        const device = this.deviceAt(command.device);
        device.created = Math.min(device.device.log.length, device.created + command.count);
        return;
      }
      case 'send': {
        const device = this.deviceAt(command.device);
        const from = device.acknowledgedThrough + 1;
        const count = Math.min(command.maxBatch, device.created - device.acknowledgedThrough);
        if (count > 0) device.inFlight.push(device.device.slice(from, count));
        return;
      }
      case 'deliver': {
        const device = this.deviceAt(command.device);
        const [message] = device.inFlight.splice(
          command.message % Math.max(1, device.inFlight.length),
          1,
        );
        if (message === undefined) return;
        const response = await this.push(device, message);
        if (!command.loseAnswer) this.hear(device, response);
        return;
      }
      case 'duplicate': {
        const device = this.deviceAt(command.device);
        const message = device.inFlight[command.message % Math.max(1, device.inFlight.length)];
        if (message !== undefined) device.inFlight.push(message);
        return;
      }
      case 'drop': {
        const device = this.deviceAt(command.device);
        device.inFlight.splice(command.message % Math.max(1, device.inFlight.length), 1);
        return;
      }
      case 'pull':
        return this.pull(this.deviceAt(command.device));
      case 'assign': {
        const client = this.clients[command.client % this.clients.length];
        if (client === undefined) return;
        await this.server().storage.sync.createProgramVersion({
          clinicId: client.clinicId,
          clientId: client.id,
          protocol: { id: 'glute-bridge', version: 1, at: this.clock.now() },
          createdAt: this.clock.now(),
          createdBy: this.therapistId,
        });
        return;
      }
      case 'crash-server':
        await this.stop();
        await this.open();
        return;
      case 'crash-server-mid-push': {
        const device = this.deviceAt(command.device);
        const [message] = device.inFlight.splice(
          command.message % Math.max(1, device.inFlight.length),
          1,
        );
        if (message === undefined) return;
        // What the database holds after such a crash: the statements run so
        // far, and of an open transaction nothing (it is rolled back, as a
        // restarted database would discard it); the answer never arrives.
        await this.stop();
        const dying = new DiesAfter(command.afterStatements);
        await this.open(dying);
        await this.push(device, message);
        this.midPushDeaths.push(dying.diedIn);
        await this.stop();
        await this.open();
        return;
      }
      case 'crash-client':
        this.deviceAt(command.device).inFlight = [];
        return;
    }
  }

  private push(device: SimulatedDevice, events: readonly IncomingEvent[]) {
    const client = this.clients[device.owner];
    if (client === undefined) throw new Error('no such client');
    return callApi(this.server().app, {
      method: 'POST',
      url: '/api/sync/push',
      cookie: device.cookie,
      body: pushBody(device.device, client, events),
    });
  }

  /** What a device learns from an answer: how far the server has everything. */
  private hear(device: SimulatedDevice, response: LightMyRequestResponse): void {
    const body = response.json();
    if (response.statusCode === 200) {
      device.acknowledgedThrough = Math.max(device.acknowledgedThrough, body.throughSeq);
    } else if (response.statusCode === 409 && body.code === 'sync_gap') {
      device.acknowledgedThrough = Math.max(device.acknowledgedThrough, body.expectedSeq - 1);
    } else {
      throw new Error(`unexpected ${response.statusCode}: ${response.body}`);
    }
  }

  private async pull(device: SimulatedDevice): Promise<void> {
    const response = await callApi(this.server().app, {
      url: `/api/sync/pull?since=${device.programCursor}`,
      cookie: device.cookie,
    });
    const body = response.json() as { programs: { version: number }[]; cursor: number };
    const versions = body.programs.map((program) => program.version);
    versions.forEach((version, offset) => {
      if (version !== device.programCursor + offset + 1) {
        throw new Error(`pull skipped or repeated a version: ${versions.join(',')}`);
      }
    });
    device.programCursor = body.cursor;
  }

  /** Every device keeps sending what is unacknowledged until the server has it all. */
  async settle(): Promise<void> {
    for (const device of this.devices) {
      device.inFlight = [];
      for (let round = 0; device.acknowledgedThrough < device.created; round++) {
        if (round > 100) throw new Error('a device never got its events acknowledged');
        const from = device.acknowledgedThrough + 1;
        const count = Math.min(50, device.created - device.acknowledgedThrough);
        this.hear(device, await this.push(device, device.device.slice(from, count)));
      }
    }
  }

  storageNow(): Storage {
    return this.server().storage;
  }
}
