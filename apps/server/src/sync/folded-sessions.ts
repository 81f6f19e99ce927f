// A cache of folded sessions, so a push that appends to a session folds only
// the new events instead of reading and refolding the whole log. It is an
// optimization, never a source of truth: an entry is used only when the
// stored log is exactly what it folded (the count in the session's summary
// row, read under the push's lock, equals the entry's, and the entry's log
// had no holes), and the new events continue it position by position; in
// every other case the push refolds from the database. Entries are written
// only after their transaction commits. One cache per database handle, least
// recently used dropped first; several processes each keep their own.
import type { SessionState } from '@glutewake/core';

export interface FoldedSession {
  /** Events folded: the stored log's positions 0..count-1, with no holes. */
  count: number;
  state: SessionState;
}

const CAPACITY = 5000;

export class FoldedSessions {
  private readonly entries = new Map<string, FoldedSession>();

  /** The folded session when the store holds exactly `storedCount` events of it. */
  get(clinicId: string, sessionId: string, storedCount: number): FoldedSession | null {
    const key = `${clinicId}/${sessionId}`;
    const entry = this.entries.get(key);
    if (entry === undefined || entry.count !== storedCount) return null;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(clinicId: string, sessionId: string, entry: FoldedSession): void {
    const key = `${clinicId}/${sessionId}`;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > CAPACITY) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forget(clinicId: string, sessionId: string): void {
    this.entries.delete(`${clinicId}/${sessionId}`);
  }
}
