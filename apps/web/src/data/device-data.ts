// Everything on this device as the export code reads it, and the two writes
// of the "Your data" screen: applying an import plan and deleting it all.
// Invariants: an import is one strictly durable transaction over the log,
// the history rows and the settings, so all of it lands or none; an
// appended event continues its session's log exactly where it ends (checked
// again inside the transaction, so a session running in another tab is never
// overwritten); each touched session's history row is rebuilt from its whole
// log by the engine; deleting clears all three stores at once.
import {
  foldSession,
  lookupWithPrograms,
  programKey,
  summarize,
  type ExportedSession,
  type ImportPlan,
  type JsonValue,
  type ProtocolLookup,
  type SessionEvent,
} from '@glutewake/core';
import type { GlutewakeDb, StoredEvent } from '../store/db.js';
import { PROGRAMS_KEY, type KeptProgram, type ProgramArchive } from '../store/programs.js';
import {
  LogConflictError,
  StorageFullError,
  isQuotaError,
  sessionRow,
} from '../store/event-log.js';

/** Every session's whole log, keyed by id, in log order. */
export async function readAllLogs(db: GlutewakeDb): Promise<ExportedSession[]> {
  const rows = await db.getAll('events');
  const logs = new Map<string, StoredEvent[]>();
  for (const row of rows) logs.set(row.sessionId, [...(logs.get(row.sessionId) ?? []), row]);
  return [...logs].map(([sessionId, log]) => ({
    sessionId,
    events: log.sort((a, b) => a.index - b.index).map((row) => row.event),
  }));
}

/** Every entry of the prefs store, by key. */
export async function readPreferences(db: GlutewakeDb): Promise<Record<string, unknown>> {
  const tx = db.transaction('prefs');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  return Object.fromEntries(keys.map((key, i) => [String(key), values[i]]));
}

/**
 * Applies an import plan. `programs` are the checked program versions the
 * file carries: they are added to the device's own (never replacing one)
 * before the imported sessions are folded, so a session of a program folds
 * with that program's protocol.
 */
export async function applyImport(
  db: GlutewakeDb,
  lookup: ProtocolLookup,
  plan: ImportPlan,
  preferences: Readonly<Record<string, JsonValue>>,
  programs: readonly KeptProgram[] = [],
): Promise<void> {
  try {
    const tx = db.transaction(['events', 'sessions', 'prefs'], 'readwrite', {
      durability: 'strict',
    });
    const stored: unknown = await tx.objectStore('prefs').get(PROGRAMS_KEY);
    const archive: ProgramArchive =
      typeof stored === 'object' && stored !== null ? { ...(stored as ProgramArchive) } : {};
    for (const kept of programs) archive[programKey(kept.ref)] ??= kept;
    if (programs.length > 0) await tx.objectStore('prefs').put(archive, PROGRAMS_KEY);
    const withFilePrograms = lookupWithPrograms(
      lookup,
      (ref) => archive[programKey(ref)]?.program.protocol ?? null,
    );
    const events = tx.objectStore('events');
    const bySession = events.index('bySession');
    for (const step of plan.steps) {
      if (step.kind !== 'new' && step.kind !== 'extends') continue;
      const fromIndex = step.kind === 'new' ? 0 : step.fromIndex;
      const range = IDBKeyRange.bound([step.sessionId, 0], [step.sessionId, Infinity]);
      const stored = await bySession.count(range);
      if (stored !== fromIndex) {
        tx.abort();
        throw new LogConflictError(step.sessionId, fromIndex, stored);
      }
      for (const [offset, event] of step.events.entries()) {
        await events.add({ sessionId: step.sessionId, index: fromIndex + offset, event });
      }
      const whole: SessionEvent[] = (await bySession.getAll(range))
        .sort((a, b) => a.index - b.index)
        .map((row) => row.event);
      const summary = summarize(foldSession(withFilePrograms, whole));
      await tx.objectStore('sessions').put(sessionRow(step.sessionId, summary));
    }
    for (const [key, value] of Object.entries(preferences)) {
      if (key === PROGRAMS_KEY) continue;
      await tx.objectStore('prefs').put(value, key);
    }
    await tx.done;
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

/**
 * Removes every session and setting from this device, in one transaction,
 * and its sync identity with them: what comes next is a new device to the server.
 */
export async function deleteEverything(db: GlutewakeDb): Promise<void> {
  const tx = db.transaction(['events', 'sessions', 'prefs', 'sync'], 'readwrite', {
    durability: 'strict',
  });
  await Promise.all([
    tx.objectStore('events').clear(),
    tx.objectStore('sessions').clear(),
    tx.objectStore('prefs').clear(),
    tx.objectStore('sync').clear(),
  ]);
  await tx.done;
}
