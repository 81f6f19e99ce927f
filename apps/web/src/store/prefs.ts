// Settings and flags kept on the device: what a person chose in Settings,
// whether they have seen the first-run guide, and this device's id.
import type { GlutewakeDb } from './db.js';

export interface Preferences {
  holdMs: number;
  restBetweenSetsSeconds: number;
  checkInEveryReps: number;
  voiceEnabled: boolean;
  voiceUri: string | null;
  volume: number;
  spokenCounts: boolean;
  /** Answer by voice where the browser supports speech recognition. */
  voiceAnswers: boolean;
  firstRunDone: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = {
  holdMs: 2000,
  restBetweenSetsSeconds: 45,
  checkInEveryReps: 10,
  voiceEnabled: true,
  voiceUri: null,
  volume: 0.8,
  spokenCounts: true,
  voiceAnswers: false,
  firstRunDone: false,
};

const KEY = 'preferences';

export async function loadPreferences(db: GlutewakeDb): Promise<Preferences> {
  const stored = (await db.get('prefs', KEY)) as Partial<Preferences> | undefined;
  return { ...DEFAULT_PREFERENCES, ...(stored ?? {}) };
}

export async function savePreferences(db: GlutewakeDb, prefs: Preferences): Promise<void> {
  const tx = db.transaction('prefs', 'readwrite', { durability: 'strict' });
  await tx.store.put(prefs, KEY);
  await tx.done;
}
