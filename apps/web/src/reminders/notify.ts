// Reminder notifications while Glutewake is open: one timer, for the next
// reminder only, shown through the service worker's registration when there
// is one (so it also shows while the app sits in the background) or else as
// a page Notification. Invariants: permission is asked only from a tap
// (askForNotifications); at most one timer is ever armed; when it fires, the
// reminder is checked again (a session may have been done meanwhile) and the
// following one is armed. A closed tab cannot be woken: the calendar file is
// the dependable reminder, and the screens say so.
import { isReminderDue, nextReminderAt } from '@glutewake/core';
import type { GlutewakeDb } from '../store/db.js';
import { epochOf, localNow } from './local-time.js';
import { reminderMessages as t } from './messages.js';
import { loadReminders, practisedToday } from './store.js';

export type NotificationAccess = NotificationPermission | 'unsupported';

// setTimeout holds at most 2^31 - 1 ms; further reminders are re-armed on the way.
const LONGEST_WAIT_MS = 2 ** 31 - 1;
let armed: ReturnType<typeof setTimeout> | null = null;

export function notificationAccess(): NotificationAccess {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks the browser for permission; call it only from the person's tap. */
export async function askForNotifications(): Promise<NotificationAccess> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}

/**
 * (Re)arms the one timer for the next reminder, if notifications are on and
 * allowed. Resolves to when it will show, in epoch ms, or null.
 */
export async function armReminderNotification(db: GlutewakeDb): Promise<number | null> {
  disarm();
  const reminder = await loadReminders(db);
  if (!reminder?.notifications || notificationAccess() !== 'granted') return null;
  const now = Date.now();
  const next = nextReminderAt(reminder, localNow(now), await practisedToday(db, now));
  if (next === null) return null;
  const at = epochOf(next);
  const wait = Math.max(0, at - now);
  armed = setTimeout(
    () => {
      armed = null;
      void (wait > LONGEST_WAIT_MS ? Promise.resolve() : showIfStillDue(db)).then(() =>
        armReminderNotification(db),
      );
    },
    Math.min(wait, LONGEST_WAIT_MS),
  );
  return at;
}

export function disarm(): void {
  if (armed !== null) clearTimeout(armed);
  armed = null;
}

async function showIfStillDue(db: GlutewakeDb): Promise<void> {
  const reminder = await loadReminders(db);
  if (!reminder?.notifications || notificationAccess() !== 'granted') return;
  const now = Date.now();
  if (!isReminderDue(reminder, localNow(now), await practisedToday(db, now))) return;
  await showReminderNotification();
}

export async function showReminderNotification(): Promise<void> {
  const options: NotificationOptions = {
    body: t.notificationBody,
    tag: 'glutewake-reminder',
    icon: '/icon-192.png',
  };
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration) {
      await registration.showNotification(t.notificationTitle, options);
      return;
    }
  } catch {
    // No usable service worker: fall back to a page notification below.
  }
  const notification = new Notification(t.notificationTitle, options);
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
}
