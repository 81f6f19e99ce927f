// A practice reminder as an iCalendar file (RFC 5545) that any calendar app
// can import: one weekly event at a floating local time (the practice time
// wherever the person is), with a display alarm. Invariants: lines end in
// CRLF and are folded so that no line exceeds 75 octets of UTF-8, never
// inside a character; TEXT values are escaped (\\ \; \, \n); DTSTART falls on
// the first chosen weekday on or after the start day, so it agrees with the
// RRULE; the output depends only on the arguments (`stamp` is passed in).
import { addDays, isLocalDay, weekdayOf, type LocalDay, type Weekday } from '../progress/days.js';
import { minutesOfTime, weekOrder } from './schedule.js';

export interface ReminderCalendarOptions {
  /** Local time of day, 24-hour "HH:MM". */
  time: string;
  days: readonly Weekday[];
  /** The first day the reminder may fall on, "YYYY-MM-DD". */
  startDay: LocalDay;
  /** Stable across downloads, so importing a new file updates the same event. */
  uid: string;
  /** When the file is made, epoch ms (DTSTAMP). */
  stamp: number;
  durationMinutes: number;
  /** The event's title and text; our own words by default. */
  summary?: string;
  description?: string;
  /** What the alarm shows; the summary by default. */
  alarmText?: string;
}

export const REMINDER_WORDS = {
  summary: 'Glute practice: prone ankle squeezes',
  description:
    'Time to wake up your glutes. Lie face down with a pillow between your feet, ' +
    'then squeeze gently with the inside of your heels. Open Glutewake and it will ' +
    'guide you by sound. About ten minutes.',
  alarm: 'Glute practice time: a few quiet minutes for your glutes.',
} as const;

export const REMINDER_PRODID = '-//Glutewake//Practice reminders 1.0//EN';

export function reminderCalendar(options: ReminderCalendarOptions): string {
  const days = weekOrder(options.days);
  if (days.length === 0) throw new RangeError('a reminder needs at least one day of the week');
  if (!isLocalDay(options.startDay)) {
    throw new RangeError(`"${options.startDay}" is not a day like 2026-11-23`);
  }
  if (!/^[^\s\\;,]{1,200}$/.test(options.uid)) {
    throw new RangeError('the reminder uid must be 1 to 200 characters, without spaces or \\ ; ,');
  }
  const duration = options.durationMinutes;
  if (!Number.isInteger(duration) || duration < 1 || duration > 1440) {
    throw new RangeError('the reminder must last a whole number of minutes, from 1 to 1440');
  }
  const minutes = minutesOfTime(options.time);
  const firstDay = firstChosenDay(options.startDay, days);
  const summary = options.summary ?? REMINDER_WORDS.summary;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${REMINDER_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${options.uid}`,
    `DTSTAMP:${utcStamp(options.stamp)}`,
    `DTSTART:${floatingDateTime(firstDay, minutes)}`,
    `DURATION:PT${duration}M`,
    `RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=${days.join(',')}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(options.description ?? REMINDER_WORDS.description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0S',
    `DESCRIPTION:${escapeText(options.alarmText ?? REMINDER_WORDS.alarm)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

function firstChosenDay(startDay: LocalDay, days: readonly Weekday[]): LocalDay {
  for (let ahead = 0; ahead < 7; ahead++) {
    const day = addDays(startDay, ahead);
    if (days.includes(weekdayOf(day))) return day;
  }
  return startDay; // unreachable: some weekday within seven days is chosen
}

/** RFC 5545 TEXT: backslash, semicolon and comma escaped; newlines as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Splits a content line into lines of at most 75 octets (UTF-8), each
 * continuation starting with one space, never splitting a character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char);
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function utf8Octets(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

function floatingDateTime(day: LocalDay, minutes: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day.replaceAll('-', '')}T${two(Math.floor(minutes / 60))}${two(minutes % 60)}00`;
}

function utcStamp(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
