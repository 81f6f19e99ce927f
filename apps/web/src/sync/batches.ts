// The device's outgoing queue, read straight from the session log. The
// device sequence number of an event is its rank in the log's insertion
// order (the IndexedDB key order), counted from the link's `firstRank` as 1
// (sync/state.ts): the log only ever grows at the end, so ranks never
// change, and any batch can be rebuilt from a sequence number alone, exactly
// as it was first sent; events before `firstRank` are never this device's
// to send, and neither are events from an earlier link's `endRank` on (they
// are the next account's). Invariants: a batch
// holds consecutive sequence numbers, at most MAX_BATCH_EVENTS events and
// about MAX_BATCH_BYTES of JSON, so it stays under the server's limits
// (500 events, 1 MiB).
import type { GlutewakeDb } from '../store/db.js';
import { loadAllEarlier, loadLink, type SyncLink } from './state.js';

/**
 * Where a device's queue stands: its next sequence number, the rank its seq 1
 * is, and for an earlier link the rank where its events end.
 */
export type QueuePlace = Pick<SyncLink, 'nextSeq' | 'firstRank'> & { endRank?: number };

export const MAX_BATCH_EVENTS = 200;
export const MAX_BATCH_BYTES = 512 * 1024;

export interface OutgoingEvent {
  seq: number;
  sessionId: string;
  index: number;
  event: Record<string, unknown>;
}

/** Up to one batch of the device's events from its `nextSeq` on. */
export async function batchFrom(
  db: GlutewakeDb,
  { nextSeq, firstRank, endRank = Infinity }: QueuePlace,
): Promise<OutgoingEvent[]> {
  const tx = db.transaction('events');
  let cursor = await tx.store.openCursor();
  const skipped = firstRank - 1 + (nextSeq - 1);
  if (cursor && skipped > 0) cursor = await cursor.advance(skipped);
  const batch: OutgoingEvent[] = [];
  let bytes = 0;
  let seq = nextSeq;
  const lastSeq = endRank - firstRank;
  while (cursor && batch.length < MAX_BATCH_EVENTS && seq <= lastSeq) {
    const { sessionId, index, event } = cursor.value;
    const item: OutgoingEvent = { seq, sessionId, index, event: { ...event } };
    bytes += JSON.stringify(item).length;
    if (batch.length > 0 && bytes > MAX_BATCH_BYTES) break;
    batch.push(item);
    seq++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return batch;
}

/** How many of the device's events the server has not acknowledged yet. */
export async function waitingCount(
  db: GlutewakeDb,
  { nextSeq, firstRank, endRank = Infinity }: QueuePlace,
): Promise<number> {
  const inRange = Math.min(await db.count('events'), endRank - 1);
  return Math.max(0, inRange - (firstRank - 1) - (nextSeq - 1));
}

/** What deleting this browser's data would lose, by whose it is. */
export interface UnsentOnDevice {
  /** The linked account's waiting events (its current device and earlier ones). */
  own: number;
  /** Whether that account is signed in now. */
  ownSignedIn: boolean;
  /** Waiting events of accounts that used this browser before. */
  others: number;
  /** How many accounts those are. */
  otherAccounts: number;
}

/**
 * The events on this browser no server has acknowledged. Events recorded
 * while no account was linked are nobody's queue and count in neither.
 */
export async function unsentOnDevice(db: GlutewakeDb): Promise<UnsentOnDevice> {
  const link = await loadLink(db);
  let own = link === null ? 0 : await waitingCount(db, link);
  let others = 0;
  const otherAccounts = new Set<string>();
  for (const earlier of await loadAllEarlier(db)) {
    const waiting = await waitingCount(db, earlier);
    if (earlier.accountId === link?.accountId) {
      own += waiting;
    } else if (waiting > 0) {
      others += waiting;
      otherAccounts.add(earlier.accountId);
    }
  }
  return { own, ownSignedIn: link?.signedIn ?? false, others, otherAccounts: otherAccounts.size };
}
