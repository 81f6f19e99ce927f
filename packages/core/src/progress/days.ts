// Calendar days as people live them: "2026-11-23" in the person's own time
// zone. Core never reads a clock or a time zone; callers pass the offset.
// Day arithmetic works on whole days since 1970-01-01, so it is exact and
// never trips over daylight-saving changes.
export type LocalDay = string;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  return dayFromNumber(dayNumber(value)) === value;
}

/** Whole days since 1970-01-01 for a local day. */
export function dayNumber(day: LocalDay): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new Error(`"${day}" is not a day like 2026-11-23`);
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

export function dayFromNumber(days: number): LocalDay {
  const date = new Date(days * DAY_MS);
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dayOfMonth = String(date.getUTCDate()).padStart(2, '0');
  return `${date.getUTCFullYear()}-${month}-${dayOfMonth}`;
}

export function addDays(day: LocalDay, days: number): LocalDay {
  return dayFromNumber(dayNumber(day) + days);
}

/** Days from `from` to `to`: 1 when `to` is the day after `from`. */
export function daysBetween(from: LocalDay, to: LocalDay): number {
  return dayNumber(to) - dayNumber(from);
}

/** The local day of an instant, given the UTC offset in minutes then (east positive). */
export function localDayOf(epochMs: number, utcOffsetMinutes: number): LocalDay {
  return dayFromNumber(Math.floor((epochMs + utcOffsetMinutes * 60_000) / DAY_MS));
}

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function weekdayOf(day: LocalDay): Weekday {
  // 1970-01-01 was a Thursday.
  const index = (((dayNumber(day) + 3) % 7) + 7) % 7;
  return WEEKDAYS[index] ?? 'MO';
}
