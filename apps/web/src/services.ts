// The app's long-lived services, created once at boot: the database and its
// session log, the preferences, the cue player, and the session being run.
import { findBuiltinProtocol, type ProtocolLookup } from '@glutewake/core';
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
  lookup: ProtocolLookup;
  prefs: Preferences;
  /** Testing seams from the URL: ?timescale=0.02 scales every duration, ?answerTimeoutSeconds=300 gives slow test robots time to answer. */
  seams: TestingSeams;
  runner: SessionRunner | null;
  /** Sync with a therapist's server; loaded after the first screen, null until then. */
  sync: SyncService | null;
  savePrefs(next: Preferences): Promise<void>;
  /** Reads the settings again after something else wrote them (an import, a wipe). */
  reloadPrefs(): Promise<void>;
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
    lookup: lookupBuiltin,
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
    async reloadPrefs() {
      applyPrefs(await loadPreferences(db));
      services.notify();
    },
  };
  void navigator.storage?.persist?.();
  return services;
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
