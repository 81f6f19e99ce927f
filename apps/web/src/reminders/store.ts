// The practice reminder kept on this device, in the prefs store under its
// own key ('reminders'), and whether a session was already done today (the
// newest row of the sessions store's byStart index). Invariants: what is
// loaded is checked, so a damaged or imported entry never breaks the app
// (it reads as "no reminder"); a saved reminder has at least one day, a
// valid time and a uid that stays the same, so a new calendar file updates
// the event the person already imported instead of adding a second one.
import { isReminderTime, weekOrder, WEEKDAYS, type Weekday } from '@glutewake/core';
import type { GlutewakeDb } from '../store/db.js';
import { localDay, today } from '../progress/records.js';

export interface ReminderPrefs {
  /** Local time of day, "HH:MM". */
  time: string;
  days: Weekday[];
  notifications: boolean;
  /** The calendar event's UID, made once. */
  uid: string;
}

export const REMINDERS_KEY = 'reminders';

export const DEFAULT_REMINDER: Omit<ReminderPrefs, 'uid'> = {
  time: '08:00',
  days: [...WEEKDAYS],
  notifications: false,
};

export async function loadReminders(db: GlutewakeDb): Promise<ReminderPrefs | null> {
  return checkedReminders(await db.get('prefs', REMINDERS_KEY));
}

export async function saveReminders(
  db: GlutewakeDb,
  reminder: Omit<ReminderPrefs, 'uid'> & { uid?: string },
): Promise<ReminderPrefs> {
  if (!isReminderTime(reminder.time) || weekOrder(reminder.days).length === 0) {
    throw new RangeError('a reminder needs a time like 07:30 and at least one day');
  }
  const tx = db.transaction('prefs', 'readwrite', { durability: 'strict' });
  const stored = checkedReminders(await tx.store.get(REMINDERS_KEY));
  const next: ReminderPrefs = {
    time: reminder.time,
    days: weekOrder(reminder.days),
    notifications: reminder.notifications,
    uid: reminder.uid ?? stored?.uid ?? newUid(),
  };
  await tx.store.put(next, REMINDERS_KEY);
  await tx.done;
  return next;
}

export async function removeReminders(db: GlutewakeDb): Promise<void> {
  const tx = db.transaction('prefs', 'readwrite', { durability: 'strict' });
  await tx.store.delete(REMINDERS_KEY);
  await tx.done;
}

/** Whether a session (finished or not) started today, on this device's calendar. */
export async function practisedToday(db: GlutewakeDb, now: number = Date.now()): Promise<boolean> {
  const cursor = await db.transaction('sessions').store.index('byStart').openCursor(null, 'prev');
  return cursor !== null && localDay(cursor.value.startedAt) === today(now);
}

function checkedReminders(value: unknown): ReminderPrefs | null {
  if (typeof value !== 'object' || value === null) return null;
  const { time, days, notifications, uid } = value as Partial<Record<keyof ReminderPrefs, unknown>>;
  if (typeof time !== 'string' || !isReminderTime(time)) return null;
  if (!Array.isArray(days)) return null;
  const known = weekOrder(days.filter((day): day is Weekday => WEEKDAYS.includes(day as Weekday)));
  if (known.length === 0) return null;
  if (typeof uid !== 'string' || !/^[^\s\\;,]{1,200}$/.test(uid)) return null;
  return { time, days: known, notifications: notifications === true, uid };
}

function newUid(): string {
  const random =
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
          b.toString(16).padStart(2, '0'),
        ).join('');
  return `reminder-${random}@glutewake.app`;
}
