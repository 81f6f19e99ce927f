// Dates for the progress screens: calendar days shown in the person's own
// language, and session times for chart tables.
import { dayNumber, type LocalDay } from '@glutewake/core';

/** A local day as a date string; the day is a calendar date, so format it in UTC. */
export function formatDay(day: LocalDay, options: Intl.DateTimeFormatOptions): string {
  return new Date(dayNumber(day) * 86_400_000).toLocaleDateString(undefined, {
    ...options,
    timeZone: 'UTC',
  });
}

export function shortDay(day: LocalDay): string {
  return formatDay(day, { weekday: 'short', day: 'numeric', month: 'short' });
}
