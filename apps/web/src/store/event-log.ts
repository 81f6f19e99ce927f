// The session log on this device. Appends are all-or-nothing, strictly
// durable, and checked: a batch must continue the session's log exactly where
// it ends (no gap, no duplicate), or nothing is written. The session's
// summary row is updated in the same transaction, so the history list and
// the log never disagree.
import type { SessionEvent, SessionSummary } from '@glutewake/core';
import type { GlutewakeDb, StoredEvent, StoredSession } from './db.js';

export class LogConflictError extends Error {
  constructor(sessionId: string, expected: number, found: number) {
    super(
      `Session ${sessionId} log ends at ${found}, not ${expected}: another tab may be running it.`,
    );
    this.name = 'LogConflictError';
  }
}

export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('This device has run out of storage for Glutewake.', { cause });
    this.name = 'StorageFullError';
  }
}

export class EventLog {
  constructor(private readonly db: GlutewakeDb) {}

  /** Appends events at `fromIndex`; resolves once they are durably stored. */
  async append(
    sessionId: string,
    fromIndex: number,
    events: readonly SessionEvent[],
    summary: SessionSummary,
  ): Promise<void> {
    if (events.length === 0) return;
    try {
      const tx = this.db.transaction(['events', 'sessions'], 'readwrite', { durability: 'strict' });
      const index = tx.objectStore('events').index('bySession');
      const stored = await index.count(IDBKeyRange.bound([sessionId, 0], [sessionId, Infinity]));
      if (stored !== fromIndex) {
        tx.abort();
        throw new LogConflictError(sessionId, fromIndex, stored);
      }
      const eventsStore = tx.objectStore('events');
      for (const [offset, event] of events.entries()) {
        await eventsStore.add({
          sessionId,
          index: fromIndex + offset,
          event,
        } satisfies StoredEvent);
      }
      await tx.objectStore('sessions').put(sessionRow(sessionId, summary));
      await tx.done;
    } catch (error) {
      if (error instanceof LogConflictError) throw error;
      if (isQuotaError(error)) throw new StorageFullError(error);
      throw error;
    }
  }

  async eventsOf(sessionId: string): Promise<SessionEvent[]> {
    const rows = await this.db.getAllFromIndex(
      'events',
      'bySession',
      IDBKeyRange.bound([sessionId, 0], [sessionId, Infinity]),
    );
    return rows.sort((a, b) => a.index - b.index).map((row) => row.event);
  }

  /** Every session, newest first. */
  async sessions(): Promise<StoredSession[]> {
    const rows = await this.db.getAllFromIndex('sessions', 'byStart');
    return rows.reverse();
  }

  /** The most recent session that has not ended, if any (after a reload or crash). */
  async unfinishedSession(): Promise<StoredSession | null> {
    const rows = await this.sessions();
    return rows.find((row) => !row.ended) ?? null;
  }

  async storedEventCount(): Promise<number> {
    return this.db.count('events');
  }
}

/** The history row of a session, from its summary. */
export function sessionRow(sessionId: string, summary: SessionSummary): StoredSession {
  return {
    sessionId,
    protocolId: summary.protocol?.id ?? 'unknown',
    startedAt: summary.startedAt ?? 0,
    ended: summary.outcome !== 'in-progress',
    summary,
  };
}

export function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
  );
}
