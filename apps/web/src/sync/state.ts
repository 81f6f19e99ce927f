// This device's sync state, in the IndexedDB `sync` store (never in prefs,
// so an export never carries it to another device). Invariants: a device id
// belongs to one account (the server refuses it for any other), so linking
// another account makes a new one, which starts where the log stands then
// (`firstRank`): the history recorded before that is never sent as the new
// account's, and only the first account linked here takes the history
// recorded before any was; `nextSeq` is where the server said this
// device stands, the only cursor the client keeps; what is loaded is
// checked, and anything damaged reads as "not linked".
import type { GlutewakeDb } from '../store/db.js';

export interface SyncLink {
  deviceId: string;
  /** The client account this device syncs for. */
  accountId: string;
  /** The device sequence number the server expects next (1 for a new device). */
  nextSeq: number;
  /**
   * The rank (from 1, in insertion order) in this browser's log of the event
   * this device sends as seq 1: 1 for the first account linked here, the end
   * of the log as it stood for an account linked after another.
   */
  firstRank: number;
  lastSyncedAt: number | null;
  lastError: string | null;
  /** The newest program version pulled from the server, 0 for none. */
  programCursor: number;
  /** False after the server said the sign-in ended: the queue waits for a new one. */
  signedIn: boolean;
}

/** A program version the therapist assigned, as pulled (unchecked until sync checks it). */
export interface PulledProgram {
  /** With `version`, what a session of this program names as its program. */
  id: string;
  version: number;
  program: unknown;
  createdAt: number;
}

const LINK_KEY = 'link';
const PROGRAMS_KEY = 'programs';

export async function loadLink(db: GlutewakeDb): Promise<SyncLink | null> {
  const stored = (await db.get('sync', LINK_KEY)) as Partial<SyncLink> | undefined;
  if (
    typeof stored?.deviceId !== 'string' ||
    typeof stored.accountId !== 'string' ||
    !Number.isSafeInteger(stored.nextSeq) ||
    (stored.nextSeq ?? 0) < 1
  ) {
    return null;
  }
  return {
    deviceId: stored.deviceId,
    accountId: stored.accountId,
    nextSeq: stored.nextSeq ?? 1,
    firstRank:
      Number.isSafeInteger(stored.firstRank) && (stored.firstRank ?? 0) >= 1
        ? (stored.firstRank ?? 1)
        : 1,
    lastSyncedAt: typeof stored.lastSyncedAt === 'number' ? stored.lastSyncedAt : null,
    lastError: typeof stored.lastError === 'string' ? stored.lastError : null,
    programCursor: Number.isSafeInteger(stored.programCursor) ? (stored.programCursor ?? 0) : 0,
    signedIn: stored.signedIn !== false,
  };
}

export async function saveLink(db: GlutewakeDb, link: SyncLink): Promise<void> {
  const tx = db.transaction('sync', 'readwrite', { durability: 'strict' });
  await tx.store.put(link, LINK_KEY);
  await tx.done;
}

/**
 * Links this device to an account: the same link when it already is, else a
 * new device. A new device for a second account starts after every event
 * already in the log, so nobody's sessions are ever sent as someone else's.
 */
export async function linkTo(db: GlutewakeDb, accountId: string): Promise<SyncLink> {
  const current = await loadLink(db);
  if (current?.accountId === accountId) {
    const link = { ...current, signedIn: true };
    await saveLink(db, link);
    return link;
  }
  const tx = db.transaction(['sync', 'events'], 'readwrite', { durability: 'strict' });
  const logLength = await tx.objectStore('events').count();
  const link: SyncLink = {
    deviceId: crypto.randomUUID(),
    accountId,
    nextSeq: 1,
    firstRank: current === null ? 1 : logLength + 1,
    lastSyncedAt: null,
    lastError: null,
    programCursor: 0,
    signedIn: true,
  };
  await tx.objectStore('sync').put(link, LINK_KEY);
  await tx.objectStore('sync').delete(PROGRAMS_KEY);
  await tx.done;
  return link;
}

export async function unlink(db: GlutewakeDb): Promise<void> {
  const tx = db.transaction('sync', 'readwrite', { durability: 'strict' });
  await tx.store.clear();
  await tx.done;
}

export async function loadPrograms(db: GlutewakeDb): Promise<PulledProgram[]> {
  const stored = await db.get('sync', PROGRAMS_KEY);
  return Array.isArray(stored) ? (stored as PulledProgram[]) : [];
}

/** Adds pulled versions and moves the cursor, in one transaction. */
export async function savePulled(
  db: GlutewakeDb,
  link: SyncLink,
  programs: readonly PulledProgram[],
  cursor: number,
): Promise<SyncLink> {
  const tx = db.transaction('sync', 'readwrite', { durability: 'strict' });
  const known = ((await tx.store.get(PROGRAMS_KEY)) as PulledProgram[] | undefined) ?? [];
  const versions = new Set(known.map((p) => p.version));
  await tx.store.put([...known, ...programs.filter((p) => !versions.has(p.version))], PROGRAMS_KEY);
  const next = { ...link, programCursor: cursor };
  await tx.store.put(next, LINK_KEY);
  await tx.done;
  return next;
}
