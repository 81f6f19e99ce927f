// The Reminders screen (#/reminders): choose a time and days with large
// controls, save them, add them to a calendar app as an .ics file (the
// dependable reminder), and, if the person wants, turn on notifications
// (asked for only on their tap, with a plain word about what a browser can
// and cannot do). Loaded lazily; every outcome is said in one live region.
import { useEffect, useState } from 'preact/hooks';
import { reminderCalendar, WEEKDAYS, isReminderTime, type Weekday } from '@glutewake/core';
import { useServices } from '../app.js';
import { today } from '../progress/records.js';
import { downloadText, MIME_TYPES } from '../data/files.js';
import { DAY_NAMES, reminderMessages as t } from './messages.js';
import {
  armReminderNotification,
  askForNotifications,
  disarm,
  notificationAccess,
  type NotificationAccess,
} from './notify.js';
import {
  DEFAULT_REMINDER,
  loadReminders,
  removeReminders,
  saveReminders,
  type ReminderPrefs,
} from './store.js';
import './reminders.css';

const CALENDAR_FILE = 'glutewake-reminder.ics';
const PRACTICE_MINUTES = 15;

export function Reminders() {
  const services = useServices();
  const [saved, setSaved] = useState<ReminderPrefs | null | undefined>(undefined);
  const [time, setTime] = useState(DEFAULT_REMINDER.time);
  const [days, setDays] = useState<Weekday[]>(DEFAULT_REMINDER.days);
  const [said, setSaid] = useState<{ where: 'when' | 'calendar' | 'notify'; text: string } | null>(
    null,
  );
  const [access, setAccess] = useState<NotificationAccess>(notificationAccess);
  const [nextAt, setNextAt] = useState<number | null>(null);
  const valid = isReminderTime(time) && days.length > 0;

  useEffect(() => {
    void loadReminders(services.db).then((reminder) => {
      setSaved(reminder);
      if (reminder) {
        setTime(reminder.time);
        setDays(reminder.days);
      }
      void armReminderNotification(services.db).then(setNextAt);
    });
  }, [services]);

  // Each outcome is said next to the control that caused it, in a live region.
  const attempt = async (where: 'when' | 'calendar' | 'notify', action: () => Promise<string>) => {
    setSaid(null);
    try {
      setSaid({ where, text: await action() });
    } catch {
      setSaid({ where, text: t.failed });
    }
  };
  const saidIn = (where: 'when' | 'calendar' | 'notify') => (
    <p class="hint said" role="status">
      {said?.where === where ? said.text : ''}
    </p>
  );
  const persist = async (notifications = saved?.notifications ?? false) => {
    const next = await saveReminders(services.db, { time, days, notifications });
    setSaved(next);
    setNextAt(await armReminderNotification(services.db));
    return next;
  };
  const toggleDay = (day: Weekday) =>
    setDays((chosen) =>
      chosen.includes(day)
        ? chosen.filter((d) => d !== day)
        : WEEKDAYS.filter((d) => d === day || chosen.includes(d)),
    );

  const save = () =>
    attempt('when', async () => {
      await persist();
      return t.saved;
    });
  const remove = () =>
    attempt('when', async () => {
      await removeReminders(services.db);
      disarm();
      setSaved(null);
      setNextAt(null);
      return t.removed;
    });
  const addToCalendar = () =>
    attempt('calendar', async () => {
      const reminder = await persist();
      const text = reminderCalendar({
        time: reminder.time,
        days: reminder.days,
        startDay: today(),
        uid: reminder.uid,
        stamp: Date.now(),
        durationMinutes: PRACTICE_MINUTES,
      });
      downloadText(CALENDAR_FILE, text, MIME_TYPES.ics);
      return t.calendarDone;
    });
  // The card's own state line says the outcome; only a failure needs more words.
  const toggleNotifications = () =>
    attempt('notify', async () => {
      if (saved?.notifications) {
        await persist(false);
        return '';
      }
      const answer = await askForNotifications();
      setAccess(answer);
      if (answer === 'granted') await persist(true);
      return '';
    });

  const notificationsOn = saved?.notifications === true && access === 'granted';
  return (
    <main class="screen reminders" aria-labelledby="reminders-title">
      <a class="nav-link back" href="#/settings">
        ← {t.back}
      </a>
      <h1 id="reminders-title">{t.title}</h1>
      <p class="lead">{t.intro}</p>

      <section class="card" aria-labelledby="when-title">
        <h2 id="when-title">{t.whenTitle}</h2>
        <p>
          {saved === undefined ? t.loading : saved ? t.current(saved.time, saved.days) : t.none}
        </p>
        <label class="time-choice">
          <span>{t.time}</span>
          <input
            type="time"
            required
            value={time}
            onInput={(e) => setTime((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <fieldset class="day-choice">
          <legend>{t.days}</legend>
          {WEEKDAYS.map((day) => (
            <button
              key={day}
              type="button"
              class={days.includes(day) ? 'toggle on' : 'toggle'}
              aria-pressed={days.includes(day)}
              aria-label={DAY_NAMES[day].long}
              onClick={() => toggleDay(day)}
            >
              {DAY_NAMES[day].short}
            </button>
          ))}
        </fieldset>
        {days.length === 0 && <p class="hint">{t.chooseADay}</p>}
        <div class="button-row">
          <button type="button" class="primary big" disabled={!valid} onClick={() => void save()}>
            {t.save}
          </button>
          {saved && (
            <button type="button" class="secondary" onClick={() => void remove()}>
              {t.remove}
            </button>
          )}
        </div>
        {saidIn('when')}
      </section>

      <section class="card" aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t.calendarTitle}</h2>
        <p class="hint">{t.calendarHint}</p>
        <button
          type="button"
          class="secondary big"
          disabled={!valid}
          onClick={() => void addToCalendar()}
        >
          {t.calendarButton}
        </button>
        {saidIn('calendar')}
      </section>

      <section class="card" aria-labelledby="notify-title">
        <h2 id="notify-title">{t.notifyTitle}</h2>
        <p class="hint">{t.notifyHint}</p>
        <p role="status">
          {access === 'unsupported'
            ? t.notifyUnsupported
            : access === 'denied'
              ? t.notifyBlocked
              : notificationsOn
                ? t.notifyIsOn
                : t.notifyIsOff}
          {notificationsOn && nextAt !== null && ` ${t.next(whenText(nextAt))}`}
        </p>
        {access !== 'unsupported' && access !== 'denied' && (
          <button
            type="button"
            class="secondary"
            disabled={!valid && !notificationsOn}
            onClick={() => void toggleNotifications()}
          >
            {notificationsOn ? t.notifyOff : t.notifyOn}
          </button>
        )}
        {saidIn('notify')}
      </section>

      <p class="hint">{t.inApp}</p>
    </main>
  );
}

function whenText(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, {
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
  });
}
