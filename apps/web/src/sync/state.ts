// This device's sync state, in the IndexedDB `sync` store (never in prefs,
// so an export never carries it to another device). Invariants: a device id
// belongs to one account (the server refuses it for any other), so linking
// another account makes a new one, which starts where the log stands then
// (`firstRank`): the history recorded before that is never sent as the new
// account's, and only the first account linked here takes the history
// recorded before any was; the link it replaces is closed where the new one
// starts (`endRank`) and, while any of its events wait, kept as an earlier
// link, sent when its account signs in again, so each account's events go
// up as its own and none is left behind; `nextSeq` is where the server said
// a device stands, the only cursor the client keeps; what is loaded is
// checked, and anything damaged reads as "not linked" (an earlier link as
// absent).
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

/**
 * A device of an account linked here before another one was: its events are
 * the log's ranks `firstRank` to `endRank - 1`, sent as seq 1, 2, ... when
 * that account is signed in again.
 */
export interface EarlierLink {
  deviceId: string;
  accountId: string;
  nextSeq: number;
  firstRank: number;
  /** The rank after its last event: where the next account's link began. */
  endRank: number;
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
const EARLIER_KEY = 'earlier';

const isRank = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 1;

export async function loadLink(db: GlutewakeDb): Promise<SyncLink | null> {
  return linkFrom(await db.get('sync', LINK_KEY));
}

function linkFrom(value: unknown): SyncLink | null {
  const stored = value as Partial<SyncLink> | undefined;
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
    firstRank: isRank(stored.firstRank) ? stored.firstRank : 1,
    lastSyncedAt: typeof stored.lastSyncedAt === 'number' ? stored.lastSyncedAt : null,
    lastError: typeof stored.lastError === 'string' ? stored.lastError : null,
    programCursor: Number.isSafeInteger(stored.programCursor) ? (stored.programCursor ?? 0) : 0,
    signedIn: stored.signedIn !== false,
  };
}

/** What a sync run may change on the link it started with. */
export type LinkProgress = Partial<
  Pick<SyncLink, 'nextSeq' | 'lastError' | 'lastSyncedAt' | 'signedIn'>
>;

/**
 * Changes the link, but only while it is still the device `deviceId`: a run
 * that outlives its link (another account linked, the data deleted) writes
 * nothing. Returns the link as saved, or null when it was not.
 */
export async function updateLink(
  db: GlutewakeDb,
  deviceId: string,
  change: LinkProgress,
): Promise<SyncLink | null> {
  const tx = db.transaction('sync', 'readwrite', { durability: 'strict' });
  const stored = linkFrom(await tx.store.get(LINK_KEY));
  if (stored?.deviceId !== deviceId) {
    await tx.done;
    return null;
  }
  const next = { ...stored, ...change };
  await tx.store.put(next, LINK_KEY);
  await tx.done;
  return next;
}

/**
 * The rank where device `deviceId`'s events end for now (Infinity for the
 * linked device), or null when it is no longer this browser's to send: not
 * the linked device, nor an earlier link of the signed-in linked account.
 */
export async function sendableEnd(db: GlutewakeDb, deviceId: string): Promise<number | null> {
  const tx = db.transaction('sync');
  const link = linkFrom(await tx.store.get(LINK_KEY));
  const earlier = earlierFrom(await tx.store.get(EARLIER_KEY));
  await tx.done;
  if (link === null || !link.signedIn) return null;
  if (link.deviceId === deviceId) return Infinity;
  const entry = earlier.find(
    (each) => each.deviceId === deviceId && each.accountId === link.accountId,
  );
  return entry?.endRank ?? null;
}

/**
 * Links this device to an account: the same link when it already is, else a
 * new device. A new device for a second account starts after every event
 * already in the log, so nobody's sessions are ever sent as someone else's;
 * the link it replaces ends there, and is kept while any of its events wait.
 */
export async function linkTo(db: GlutewakeDb, accountId: string): Promise<SyncLink> {
  // One transaction, so that a sync run's progress lands before or after, never lost.
  const tx = db.transaction(['sync', 'events'], 'readwrite', { durability: 'strict' });
  const sync = tx.objectStore('sync');
  const current = linkFrom(await sync.get(LINK_KEY));
  if (current?.accountId === accountId) {
    const same = { ...current, signedIn: true };
    await sync.put(same, LINK_KEY);
    await tx.done;
    return same;
  }
  const logLength = await tx.objectStore('events').count();
  const earlier = earlierFrom(await sync.get(EARLIER_KEY));
  const link: SyncLink = {
    deviceId: crypto.randomUUID(),
    accountId,
    nextSeq: 1,
    // Only the first account linked here takes the history from before; a
    // damaged link with earlier ones kept is not a first.
    firstRank: current === null && earlier.length === 0 ? 1 : logLength + 1,
    lastSyncedAt: null,
    lastError: null,
    programCursor: 0,
    signedIn: true,
  };
  if (current !== null) {
    const closed: EarlierLink = {
      deviceId: current.deviceId,
      accountId: current.accountId,
      nextSeq: current.nextSeq,
      firstRank: current.firstRank,
      endRank: logLength + 1,
    };
    if (closedWaiting(closed) > 0) await sync.put([...earlier, closed], EARLIER_KEY);
  }
  await sync.put(link, LINK_KEY);
  await sync.delete(PROGRAMS_KEY);
  await tx.done;
  return link;
}

/** How many events of a closed link the server has not acknowledged. */
function closedWaiting({ nextSeq, firstRank, endRank }: EarlierLink): number {
  return Math.max(0, endRank - firstRank - (nextSeq - 1));
}

/** Every earlier link, whichever account, oldest first, with events still to send. */
export async function loadAllEarlier(db: GlutewakeDb): Promise<EarlierLink[]> {
  return earlierFrom(await db.get('sync', EARLIER_KEY)).filter(
    (earlier) => closedWaiting(earlier) > 0,
  );
}

/** The earlier links of an account, oldest first, each with events still to send. */
export async function loadEarlier(db: GlutewakeDb, accountId: string): Promise<EarlierLink[]> {
  return (await loadAllEarlier(db)).filter((earlier) => earlier.accountId === accountId);
}

/** Records how far an earlier link has been sent; drops it once everything is. */
export async function saveEarlierProgress(
  db: GlutewakeDb,
  deviceId: string,
  nextSeq: number,
): Promise<void> {
  const tx = db.transaction('sync', 'readwrite', { durability: 'strict' });
  const earlier = earlierFrom(await tx.store.get(EARLIER_KEY))
    .map((each) => (each.deviceId === deviceId ? { ...each, nextSeq } : each))
    .filter((each) => closedWaiting(each) > 0);
  await tx.store.put(earlier, EARLIER_KEY);
  await tx.done;
}

function earlierFrom(stored: unknown): EarlierLink[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (each: Partial<EarlierLink> | null): each is EarlierLink =>
      typeof each?.deviceId === 'string' &&
      typeof each.accountId === 'string' &&
      isRank(each.nextSeq) &&
      isRank(each.firstRank) &&
      isRank(each.endRank) &&
      each.endRank >= each.firstRank,
  );
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

/** Adds pulled versions and moves the cursor, in one transaction, while the link is still `deviceId`. */
export async function savePulled(
  db: GlutewakeDb,
  deviceId: string,
  programs: readonly PulledProgram[],
  cursor: number,
): Promise<SyncLink | null> {
  const tx = db.transaction('sync', 'readwrite', { durability: 'strict' });
  const link = linkFrom(await tx.store.get(LINK_KEY));
  if (link?.deviceId !== deviceId) {
    await tx.done;
    return null;
  }
  const known = ((await tx.store.get(PROGRAMS_KEY)) as PulledProgram[] | undefined) ?? [];
  const versions = new Set(known.map((p) => p.version));
  await tx.store.put([...known, ...programs.filter((p) => !versions.has(p.version))], PROGRAMS_KEY);
  const next = { ...link, programCursor: cursor };
  await tx.store.put(next, LINK_KEY);
  await tx.done;
  return next;
}
