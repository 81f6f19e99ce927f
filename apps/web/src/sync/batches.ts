// The device's outgoing queue, read straight from the session log. The
// device sequence number of an event is its rank in the log's insertion
// order (the IndexedDB key order), counted from 1: the log only ever grows
// at the end, so ranks never change, and any batch can be rebuilt from a
// sequence number alone, exactly as it was first sent. Invariants: a batch
// holds consecutive sequence numbers, at most MAX_BATCH_EVENTS events and
// about MAX_BATCH_BYTES of JSON, so it stays under the server's limits
// (500 events, 1 MiB).
import type { GlutewakeDb } from '../store/db.js';

export const MAX_BATCH_EVENTS = 200;
export const MAX_BATCH_BYTES = 512 * 1024;

export interface OutgoingEvent {
  seq: number;
  sessionId: string;
  index: number;
  event: Record<string, unknown>;
}

/** Up to one batch of events from device sequence number `fromSeq` on. */
export async function batchFrom(db: GlutewakeDb, fromSeq: number): Promise<OutgoingEvent[]> {
  const tx = db.transaction('events');
  let cursor = await tx.store.openCursor();
  if (cursor && fromSeq > 1) cursor = await cursor.advance(fromSeq - 1);
  const batch: OutgoingEvent[] = [];
  let bytes = 0;
  let seq = fromSeq;
  while (cursor && batch.length < MAX_BATCH_EVENTS) {
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

/** How many events the server has not acknowledged yet. */
export async function waitingCount(db: GlutewakeDb, nextSeq: number): Promise<number> {
  return Math.max(0, (await db.count('events')) - (nextSeq - 1));
}
