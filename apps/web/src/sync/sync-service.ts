// Sync with the server, for a device linked to a client account: push the
// session log in batches, then pull the program versions the therapist
// assigned. Loaded after the first screen, and never run while a session
// plays (network work stays off the session's path; the end of the session
// triggers it). Before its own device, an account sends what its earlier
// links here still hold (sync/state.ts), oldest first, so a person's events
// recorded before someone else linked this browser go up as theirs.
// Invariants: one run at a time; a run writes only to the link it started
// with, and stops sending a device once it is no longer this browser's to
// send, so a sign-in by someone else or "Delete all data" while it goes on
// is never undone and never sends their events; the server's word on the
// cursor wins (a lost acknowledgement or a gap just moves `nextSeq` to what
// it expects, and the same batch is rebuilt from the log); a run that fails
// keeps the whole queue and says why; an ended sign-in stops the queue until
// the person signs in again; nothing here ever changes the session log.
import { validateProgram } from '@glutewake/core/validation';
import { apiCall, type ApiResult } from '../account/api.js';
import { keepPrograms, type KeptProgram } from '../store/programs.js';
import type { GlutewakeDb } from '../store/db.js';
import { batchFrom, waitingCount, type QueuePlace } from './batches.js';
import {
  linkTo,
  loadEarlier,
  loadLink,
  loadPrograms,
  saveEarlierProgress,
  savePulled,
  sendableEnd,
  updateLink,
  type PulledProgram,
  type SyncLink,
} from './state.js';

export const SYNC_PROTOCOL_VERSION = 1;
const DEBOUNCE_MS = 1500;
const RETRY_EVERY_MS = 60_000;
/** Gaps answered in one run before giving up on it (each moves the cursor). */
const MAX_CURSOR_MOVES = 3;

export type SyncView =
  | { kind: 'not-linked' }
  | { kind: 'syncing'; waiting: number }
  | { kind: 'synced'; at: number | null; programs: number }
  | { kind: 'waiting'; waiting: number; lastError: string | null; lastSyncedAt: number | null }
  | { kind: 'signed-out'; waiting: number };

interface Acknowledgement {
  throughSeq: number;
  nextSeq: number;
  accepted: number;
  quarantined: { seq: number; reason: string; problems: string[] }[];
}

type Call = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => Promise<ApiResult<T>>;

type Failure = Extract<ApiResult<unknown>, { ok: false }>;

/** A device's queue to push: whose it is, where it stands, and how to keep its progress. */
interface DeviceQueue extends QueuePlace {
  deviceId: string;
  accountId: string;
  save(nextSeq: number): Promise<void>;
}

export interface SyncDeps {
  db: GlutewakeDb;
  /** True while a session plays: sync waits for its end. */
  sessionRunning(): boolean;
  now(): number;
  call?: Call;
  /** Called when pulled program versions were kept, or the linked account changed. */
  onProgramsChanged?(): void;
}

export class SyncService {
  private readonly call: Call;
  private running: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private syncing = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: SyncDeps) {
    this.call = deps.call ?? apiCall;
  }

  /** Starts the background rhythm: soon after boot, when back online, and every minute. */
  start(): () => void {
    const onOnline = () => this.schedule(0);
    addEventListener('online', onOnline);
    const every = setInterval(() => this.schedule(0), RETRY_EVERY_MS);
    this.schedule();
    return () => {
      removeEventListener('online', onOnline);
      clearInterval(every);
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks for a run shortly (debounced); ignored while a session plays. */
  schedule(delayMs = DEBOUNCE_MS): void {
    if (this.deps.sessionRunning()) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, delayMs);
  }

  async view(): Promise<SyncView> {
    const link = await loadLink(this.deps.db);
    if (link === null) return { kind: 'not-linked' };
    let waiting = await waitingCount(this.deps.db, link);
    for (const earlier of await loadEarlier(this.deps.db, link.accountId)) {
      waiting += await waitingCount(this.deps.db, earlier);
    }
    if (!link.signedIn) return { kind: 'signed-out', waiting };
    if (this.syncing) return { kind: 'syncing', waiting };
    if (waiting === 0 && link.lastError === null) {
      const programs = (await loadPrograms(this.deps.db)).length;
      return { kind: 'synced', at: link.lastSyncedAt, programs };
    }
    return { kind: 'waiting', waiting, lastError: link.lastError, lastSyncedAt: link.lastSyncedAt };
  }

  /** After signing in or joining: link this device to the account and sync. */
  async linkAccount(accountId: string): Promise<void> {
    await linkTo(this.deps.db, accountId);
    this.deps.onProgramsChanged?.();
    this.changed();
    await this.syncNow();
  }

  /** After signing out: keep the queue and the device id, stop syncing until the next sign-in. */
  async signedOut(): Promise<void> {
    const link = await loadLink(this.deps.db);
    if (link) await updateLink(this.deps.db, link.deviceId, { signedIn: false, lastError: null });
    this.changed();
  }

  /** One run now (or the one already going). */
  syncNow(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
      this.syncing = false;
      this.changed();
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const link = await loadLink(this.deps.db);
    if (link === null || !link.signedIn || this.deps.sessionRunning()) return;
    this.syncing = true;
    this.changed();
    const { db } = this.deps;
    // An earlier link that cannot go on does not hold up the account's own
    // device (only an ended sign-in stops the run); its failure is shown.
    let earlierFailure: Failure | null = null;
    for (const earlier of await loadEarlier(db, link.accountId)) {
      const sent = await this.pushQueue({
        ...earlier,
        save: (nextSeq) => saveEarlierProgress(db, earlier.deviceId, nextSeq),
      });
      if (sent.ok) continue;
      if (sent.failure.status === 401) return void (await this.failed(link, sent.failure));
      earlierFailure ??= sent.failure;
    }
    // Every write below is to this link only: if another account links, or
    // the data is deleted, while this run goes on, it changes nothing of theirs.
    const sent = await this.pushQueue({
      ...link,
      save: async (nextSeq) => void (await updateLink(db, link.deviceId, { nextSeq })),
    });
    if (!sent.ok) return void (await this.failed(link, sent.failure));
    const pulled = await this.pull(link);
    if (!pulled.ok) return void (await this.failed(link, pulled.failure));
    if (earlierFailure !== null) return void (await this.failed(link, earlierFailure));
    await updateLink(db, link.deviceId, { lastSyncedAt: this.deps.now(), lastError: null });
  }

  /** Pushes one device's queue from where the server says it stands, to its end. */
  private async pushQueue(
    queue: DeviceQueue,
  ): Promise<{ ok: true; nextSeq: number } | { ok: false; nextSeq: number; failure: Failure }> {
    const status = await this.call<{ nextSeq: number }>(
      'GET',
      `/api/sync/status?deviceId=${queue.deviceId}`,
    );
    if (!status.ok) return { ok: false, nextSeq: queue.nextSeq, failure: status };
    let place: QueuePlace = { ...queue, nextSeq: status.value.nextSeq };
    // The server's word is kept even when nothing is left to send (a lost
    // acknowledgement), so a queue it already holds reads as done.
    if (place.nextSeq !== queue.nextSeq) await queue.save(place.nextSeq);
    let moves = 0;
    for (;;) {
      // Read again before each batch: a link replaced meanwhile ends where
      // the next began, and one no longer this browser's to send stops here.
      const end = await sendableEnd(this.deps.db, queue.deviceId);
      if (end === null) return { ok: true, nextSeq: place.nextSeq };
      place = { ...place, endRank: Math.min(end, queue.endRank ?? Infinity) };
      const events = await batchFrom(this.deps.db, place);
      if (events.length === 0) return { ok: true, nextSeq: place.nextSeq };
      const pushed: ApiResult<Acknowledgement> = await this.call<Acknowledgement>(
        'POST',
        '/api/sync/push',
        {
          syncVersion: SYNC_PROTOCOL_VERSION,
          deviceId: queue.deviceId,
          clientId: queue.accountId,
          events,
        },
      );
      if (pushed.ok) {
        place = { ...place, nextSeq: pushed.value.nextSeq };
        await queue.save(place.nextSeq);
        this.changed();
        continue;
      }
      const expected: unknown = pushed.details.expectedSeq;
      if (pushed.code === 'sync_gap' && typeof expected === 'number' && moves < MAX_CURSOR_MOVES) {
        moves++;
        place = { ...place, nextSeq: expected };
        continue;
      }
      return { ok: false, nextSeq: place.nextSeq, failure: pushed };
    }
  }

  private async pull(link: SyncLink): Promise<{ ok: true } | { ok: false; failure: Failure }> {
    let cursor = link.programCursor;
    for (;;) {
      const page = await this.call<{ programs: PulledProgram[]; cursor: number; more: boolean }>(
        'GET',
        `/api/sync/pull?since=${cursor}`,
      );
      if (!page.ok) return { ok: false, failure: page };
      const saved = await savePulled(
        this.deps.db,
        link.deviceId,
        page.value.programs,
        page.value.cursor,
      );
      // The link changed meanwhile: these programs are not the linked account's.
      if (saved === null) return { ok: true };
      await this.keep(page.value.programs);
      cursor = saved.programCursor;
      if (!page.value.more) return { ok: true };
    }
  }

  /** Keeps the pulled versions the program schema accepts, for sessions to run and fold. */
  private async keep(pulled: readonly PulledProgram[]): Promise<void> {
    const checked: KeptProgram[] = [];
    for (const each of pulled) {
      const program = validateProgram(each.program);
      if (program.ok && typeof each.id === 'string') {
        checked.push({
          ref: { id: each.id, version: each.version },
          program: program.value,
          createdAt: each.createdAt,
        });
      }
    }
    if (checked.length === 0) return;
    await keepPrograms(this.deps.db, checked);
    this.deps.onProgramsChanged?.();
  }

  private async failed(link: SyncLink, failure: Failure): Promise<void> {
    // An ended sign-in stops the queue; nothing here ever signs a link back in.
    const change =
      failure.status === 401
        ? { signedIn: false, lastError: null }
        : { lastError: failure.message };
    await updateLink(this.deps.db, link.deviceId, change);
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}
