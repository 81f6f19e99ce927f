// Sync with the server, for a device linked to a client account: push the
// session log in batches, then pull the program versions the therapist
// assigned. Loaded after the first screen, and never run while a session
// plays (network work stays off the session's path; the end of the session
// triggers it). Invariants: one run at a time; the server's word on the
// cursor wins (a lost acknowledgement or a gap just moves `nextSeq` to what
// it expects, and the same batch is rebuilt from the log); a run that fails
// keeps the whole queue and says why; an ended sign-in stops the queue until
// the person signs in again; nothing here ever changes the session log.
import { validateProgram } from '@glutewake/core/validation';
import { apiCall, type ApiResult } from '../account/api.js';
import { keepPrograms, type KeptProgram } from '../store/programs.js';
import type { GlutewakeDb } from '../store/db.js';
import { batchFrom, waitingCount } from './batches.js';
import {
  linkTo,
  loadLink,
  loadPrograms,
  saveLink,
  savePulled,
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
    const waiting = await waitingCount(this.deps.db, link);
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
    if (link) await saveLink(this.deps.db, { ...link, signedIn: false, lastError: null });
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
    let link = await loadLink(this.deps.db);
    if (link === null || !link.signedIn || this.deps.sessionRunning()) return;
    this.syncing = true;
    this.changed();
    const status = await this.call<{ nextSeq: number }>(
      'GET',
      `/api/sync/status?deviceId=${link.deviceId}`,
    );
    if (!status.ok) return void (await this.failed(link, status));
    link = { ...link, nextSeq: status.value.nextSeq };
    let moves = 0;
    for (;;) {
      const events = await batchFrom(this.deps.db, link);
      if (events.length === 0) break;
      const pushed: ApiResult<Acknowledgement> = await this.call<Acknowledgement>(
        'POST',
        '/api/sync/push',
        {
          syncVersion: SYNC_PROTOCOL_VERSION,
          deviceId: link.deviceId,
          clientId: link.accountId,
          events,
        },
      );
      if (pushed.ok) {
        link = { ...link, nextSeq: pushed.value.nextSeq };
        await saveLink(this.deps.db, link);
        this.changed();
        continue;
      }
      const expected: unknown = pushed.details.expectedSeq;
      if (pushed.code === 'sync_gap' && typeof expected === 'number' && moves < MAX_CURSOR_MOVES) {
        moves++;
        link = { ...link, nextSeq: expected };
        continue;
      }
      return void (await this.failed(link, pushed));
    }
    const pulled = await this.pull(link);
    if (!pulled.ok) return void (await this.failed(pulled.link, pulled.failure));
    await saveLink(this.deps.db, {
      ...pulled.link,
      lastSyncedAt: this.deps.now(),
      lastError: null,
    });
  }

  private async pull(
    start: SyncLink,
  ): Promise<
    | { ok: true; link: SyncLink }
    | { ok: false; link: SyncLink; failure: Extract<ApiResult<unknown>, { ok: false }> }
  > {
    let link = start;
    for (;;) {
      const page = await this.call<{ programs: PulledProgram[]; cursor: number; more: boolean }>(
        'GET',
        `/api/sync/pull?since=${link.programCursor}`,
      );
      if (!page.ok) return { ok: false, link, failure: page };
      link = await savePulled(this.deps.db, link, page.value.programs, page.value.cursor);
      await this.keep(page.value.programs);
      if (!page.value.more) return { ok: true, link };
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

  private async failed(
    link: SyncLink,
    failure: Extract<ApiResult<unknown>, { ok: false }>,
  ): Promise<void> {
    const signedOut = failure.status === 401;
    await saveLink(this.deps.db, {
      ...link,
      signedIn: !signedOut,
      lastError: signedOut ? null : failure.message,
    });
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}
