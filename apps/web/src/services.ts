// The app's long-lived services, created once at boot: the database and its
// session log, the preferences, the cue player, and the session being run.
import { findBuiltinProtocol, type ProtocolLookup } from '@glutewake/core';
import {
  archiveLookup,
  currentProgram,
  loadProgramArchive,
  type KeptProgram,
  type ProgramArchive,
} from './store/programs.js';
import type { CuePlayer } from './audio/types.js';
import { openGlutewakeDb, type GlutewakeDb } from './store/db.js';
import { EventLog } from './store/event-log.js';
import { loadPreferences, savePreferences, type Preferences } from './store/prefs.js';
import { createCuePlayer } from './audio/web-cue-player.js';
import type { SessionRunner } from './session/runner.js';
import type { SyncService } from './sync/sync-service.js';

export interface Services {
  db: GlutewakeDb;
  log: EventLog;
  player: CuePlayer;
  /** Built-ins, and the program versions this device keeps (for sessions that ran one). */
  lookup: ProtocolLookup;
  /** Every program version this device keeps, by ref. */
  programs: ProgramArchive;
  /** The account this device syncs for, when linked (its newest program is the current one). */
  accountId: string | null;
  prefs: Preferences;
  /** Testing seams from the URL: ?timescale=0.02 scales every duration, ?answerTimeoutSeconds=300 gives slow test robots time to answer. */
  seams: TestingSeams;
  runner: SessionRunner | null;
  /** Sync with a therapist's server; loaded after the first screen, null until then. */
  sync: SyncService | null;
  savePrefs(next: Preferences): Promise<void>;
  /** Reads the settings again after something else wrote them (an import, a wipe). */
  reloadPrefs(): Promise<void>;
  /** The program the therapist assigned to this device's account, when there is one. */
  currentProgram(): KeptProgram | null;
  /** Reads the kept programs and the linked account again (after a pull, an import, a wipe). */
  reloadPrograms(): Promise<void>;
  /** Tells every subscriber that the session (or the services) changed. */
  notify(): void;
  subscribe(listener: () => void): () => void;
}

export const lookupBuiltin: ProtocolLookup = (id, version) => findBuiltinProtocol(id, version);

export async function createServices(): Promise<Services> {
  const db = await openGlutewakeDb();
  const prefs = await loadPreferences(db);
  const player = createCuePlayer({
    volume: prefs.volume,
    voiceEnabled: prefs.voiceEnabled,
    voiceUri: prefs.voiceUri,
  });
  const listeners = new Set<() => void>();
  const applyPrefs = (next: Preferences) => {
    services.prefs = next;
    player.setOptions({
      volume: next.volume,
      voiceEnabled: next.voiceEnabled,
      voiceUri: next.voiceUri,
    });
  };
  const services: Services = {
    db,
    log: new EventLog(db),
    player,
    lookup: archiveLookup(() => services.programs),
    programs: await loadProgramArchive(db),
    accountId: await linkedAccount(db),
    prefs,
    seams: testingSeamsFromUrl(location.search),
    runner: null,
    sync: null,
    notify: () => listeners.forEach((listener) => listener()),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async savePrefs(next) {
      await savePreferences(db, next);
      applyPrefs(next);
    },
    currentProgram: () => currentProgram(services.programs, services.accountId),
    async reloadPrograms() {
      services.programs = await loadProgramArchive(db);
      services.accountId = await linkedAccount(db);
      services.notify();
    },
    async reloadPrefs() {
      applyPrefs(await loadPreferences(db));
      services.notify();
    },
  };
  void navigator.storage?.persist?.();
  return services;
}

// The sync link's account, read without the sync module (which loads after the first screen).
async function linkedAccount(db: GlutewakeDb): Promise<string | null> {
  const link = (await db.get('sync', 'link')) as { accountId?: unknown } | undefined;
  return typeof link?.accountId === 'string' ? link.accountId : null;
}

export interface TestingSeams {
  timescale: number;
  answerTimeoutSeconds: number | null;
}

export function testingSeamsFromUrl(search: string): TestingSeams {
  const params = new URLSearchParams(search);
  const number = (name: string, min: number, max: number) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isFinite(value) && value >= min && value <= max
      ? value
      : null;
  };
  return {
    timescale: number('timescale', 0.001, 1) ?? 1,
    answerTimeoutSeconds: number('answerTimeoutSeconds', 5, 600),
  };
}

/** True while a session is being run (started, not ended). */
export function isSessionRunning(services: Pick<Services, 'runner'>): boolean {
  const { runner } = services;
  return runner !== null && !runner.isDisposed && runner.current.position.kind !== 'ended';
}
