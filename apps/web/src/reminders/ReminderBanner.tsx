// The in-app reminder Home shows: on a practice day, once the chosen time
// has passed, while no session was done today. Cheap by design (it sits on
// the first screen): a prefs read, one cursor step on the sessions store,
// a check each minute, no heavy imports. It also keeps the one reminder
// notification armed while the app is open (see notify.ts).
import { useEffect, useState } from 'preact/hooks';
import { isReminderDue } from '@glutewake/core';
import { useServices } from '../app.js';
import type { GlutewakeDb } from '../store/db.js';
import { localNow } from './local-time.js';
import { reminderMessages as t } from './messages.js';
import { armReminderNotification } from './notify.js';
import {
  loadReminders,
  practisedToday as readPractisedToday,
  type ReminderPrefs,
} from './store.js';

const CHECK_EVERY_MS = 60_000;

/**
 * The reminder that is due now, or null. `practisedToday`, when the caller
 * already knows it, saves a read of the sessions store.
 */
export function useDueReminder(
  db: GlutewakeDb,
  practisedToday?: boolean,
  now: () => number = Date.now,
): ReminderPrefs | null {
  const [due, setDue] = useState<ReminderPrefs | null>(null);
  useEffect(() => {
    let live = true;
    const check = async () => {
      const reminder = await loadReminders(db);
      const at = now();
      const practised =
        reminder === null ? true : (practisedToday ?? (await readPractisedToday(db, at)));
      const isDue = reminder !== null && isReminderDue(reminder, localNow(at), practised);
      if (live) setDue(isDue ? reminder : null);
    };
    void check();
    void armReminderNotification(db);
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [db, practisedToday]);
  return due;
}

export function ReminderBanner(props: { practisedToday?: boolean; now?: () => number }) {
  const services = useServices();
  const due = useDueReminder(services.db, props.practisedToday, props.now);
  if (due === null) return null;
  return (
    <p class="notice reminder-banner" role="status">
      {t.bannerDue(due.time)}
    </p>
  );
}
