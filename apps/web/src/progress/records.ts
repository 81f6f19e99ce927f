// The practice history as core's progress code reads it: one record per
// stored session, placed on the local calendar day it started. Today's date
// comes from the device's clock and time zone, read here and nowhere in core.
import { localDayOf, practiceRecordOf, type LocalDay, type PracticeRecord } from '@glutewake/core';
import type { StoredSession } from '../store/db.js';
import type { EventLog } from '../store/event-log.js';

/** The local calendar day of an instant, in this device's time zone at that instant. */
export function localDay(epochMs: number): LocalDay {
  return localDayOf(epochMs, -new Date(epochMs).getTimezoneOffset());
}

export function today(now: number = Date.now()): LocalDay {
  return localDay(now);
}

export function recordsOf(sessions: readonly StoredSession[]): PracticeRecord[] {
  return sessions.flatMap((session) => {
    const record = practiceRecordOf(session.summary, localDay(session.startedAt));
    return record === null ? [] : [record];
  });
}

export async function loadPracticeRecords(log: EventLog): Promise<PracticeRecord[]> {
  return recordsOf(await log.sessions());
}
