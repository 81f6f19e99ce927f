// When a practice reminder falls: a local clock time ("07:30") on chosen
// weekdays, wherever the person happens to be. Pure: the caller passes the
// local day, weekday and minutes since local midnight (core reads no clock
// and no time zone). Invariants: a day with a session already done needs no
// reminder; `nextReminderAt` is never earlier than now and never today once
// today's practice is done; both answer null when no day is chosen.
import {
  addDays,
  isLocalDay,
  weekdayOf,
  WEEKDAYS,
  type LocalDay,
  type Weekday,
} from '../progress/days.js';

export interface ReminderSchedule {
  /** Local time of day, 24-hour "HH:MM". */
  time: string;
  days: readonly Weekday[];
}

/** Now, as the person's own calendar and clock show it. */
export interface LocalNow {
  day: LocalDay;
  weekday: Weekday;
  /** Minutes since local midnight, 0 to 1439. */
  minutes: number;
}

/** A reminder's moment on the local calendar. */
export interface LocalMoment {
  day: LocalDay;
  /** Minutes since local midnight. */
  minutes: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isReminderTime(time: string): boolean {
  return TIME.test(time);
}

/** Minutes since midnight of an "HH:MM" time; throws on anything else. */
export function minutesOfTime(time: string): number {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time like 07:30`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** "HH:MM" for minutes since midnight. */
export function timeOfMinutes(minutes: number): string {
  const whole = ((Math.floor(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** The chosen days in week order (Monday first), each once. */
export function weekOrder(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}

/** Today is a practice day, its time has come, and no session was done yet today. */
export function isReminderDue(
  schedule: ReminderSchedule,
  now: LocalNow,
  practisedToday: boolean,
): boolean {
  if (practisedToday || !schedule.days.includes(now.weekday)) return false;
  return now.minutes >= minutesOfTime(schedule.time);
}

/**
 * The next reminder after now: later today if today is a practice day, its
 * time is still ahead and nothing was done yet; else the next chosen day.
 */
export function nextReminderAt(
  schedule: ReminderSchedule,
  now: LocalNow,
  practisedToday: boolean,
): LocalMoment | null {
  if (schedule.days.length === 0) return null;
  const minutes = minutesOfTime(schedule.time);
  if (!practisedToday && schedule.days.includes(now.weekday) && now.minutes < minutes) {
    return { day: now.day, minutes };
  }
  if (!isLocalDay(now.day)) throw new RangeError(`"${now.day}" is not a day like 2026-11-23`);
  for (let ahead = 1; ahead <= 7; ahead++) {
    const day = addDays(now.day, ahead);
    if (schedule.days.includes(weekdayOf(day))) return { day, minutes };
  }
  return null;
}
