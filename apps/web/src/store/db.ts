// The device's IndexedDB database. `events` is the append-only session log:
// one row per engine event, keyed by a per-device sequence number (what sync
// will push), unique per (sessionId, index) so an event can never be stored
// twice. `sessions` caches each session's summary for the history list and
// can always be rebuilt from `events`. `prefs` holds settings and flags;
// `sync` this device's id, account and sync cursor (never exported).
// Every write uses strict durability: it is on disk before it resolves.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SessionEvent, SessionSummary } from '@glutewake/core';

export interface StoredEvent {
  /** Per-device sequence number, assigned by IndexedDB, strictly increasing. */
  seq?: number;
  sessionId: string;
  /** Position of the event in its session's log, from 0, without gaps. */
  index: number;
  event: SessionEvent;
}

export interface StoredSession {
  sessionId: string;
  protocolId: string;
  startedAt: number;
  ended: boolean;
  summary: SessionSummary;
}

interface GlutewakeSchema extends DBSchema {
  events: { key: number; value: StoredEvent; indexes: { bySession: [string, number] } };
  sessions: { key: string; value: StoredSession; indexes: { byStart: number } };
  prefs: { key: string; value: unknown };
  sync: { key: string; value: unknown };
}

export type GlutewakeDb = IDBPDatabase<GlutewakeSchema>;

export const DB_NAME = 'glutewake';

export function openGlutewakeDb(name = DB_NAME): Promise<GlutewakeDb> {
  return openDB<GlutewakeSchema>(name, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const events = db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
        events.createIndex('bySession', ['sessionId', 'index'], { unique: true });
        const sessions = db.createObjectStore('sessions', { keyPath: 'sessionId' });
        sessions.createIndex('byStart', 'startedAt');
        db.createObjectStore('prefs');
      }
      // Version 2: this device's sync state, apart from prefs so that an
      // export (which carries every pref) never copies a device's identity.
      if (oldVersion < 2) db.createObjectStore('sync');
    },
  });
}
