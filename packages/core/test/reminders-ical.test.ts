// The reminder as an iCalendar file, read back with ical.js (an independent,
// widely used parser): the weekly recurrence expands to the right days at a
// floating local time, the words and the alarm survive, lines end in CRLF
// and are folded at 75 octets without splitting a character.
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { REMINDER_WORDS, reminderCalendar, type ReminderCalendarOptions } from '../src/index.js';
import { escapeText, foldLine } from '../src/reminders/ical.js';

const base: ReminderCalendarOptions = {
  time: '07:30',
  days: ['FR', 'MO', 'WE'],
  startDay: '2026-01-06', // a Tuesday
  uid: 'reminder-3f2a@glutewake.app',
  stamp: Date.UTC(2026, 0, 6, 9, 15, 42, 123),
  durationMinutes: 15,
};

function eventOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (vevent === null) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

function occurrences(text: string, count: number): string[] {
  const iterator = eventOf(text).event.iterator();
  const found: string[] = [];
  for (let next = iterator.next(); next && found.length < count; next = iterator.next()) {
    found.push(next.toString());
  }
  return found;
}

describe('the reminder calendar', () => {
  const text = reminderCalendar(base);

  test('is a published calendar with one weekly event', () => {
    const { calendar, vevent } = eventOf(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe(
      '-//Glutewake//Practice reminders 1.0//EN',
    );
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(vevent.getFirstPropertyValue('uid')).toBe('reminder-3f2a@glutewake.app');
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-01-06T09:15:42Z');
  });

  test('repeats on the chosen days at the local time, from the first chosen day on', () => {
    expect(occurrences(text, 7)).toEqual([
      '2026-01-07T07:30:00',
      '2026-01-09T07:30:00',
      '2026-01-12T07:30:00',
      '2026-01-14T07:30:00',
      '2026-01-16T07:30:00',
      '2026-01-19T07:30:00',
      '2026-01-21T07:30:00',
    ]);
    expect(text).toContain('\r\nRRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE,FR\r\n');
    const rule = eventOf(text).vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('WEEKLY');
    expect(rule.getComponent('byday')).toEqual(['MO', 'WE', 'FR']);
  });

  test('starts at a floating time: the practice time wherever the person is', () => {
    const { event } = eventOf(text);
    expect(event.startDate.zone?.tzid).toBe('floating');
    expect(text).toContain('\r\nDTSTART:20260107T073000\r\n');
    expect(event.duration.toSeconds()).toBe(15 * 60);
    expect(event.endDate.toString()).toBe('2026-01-07T07:45:00');
  });

  test('keeps its words and a display alarm at the start', () => {
    const { event, vevent } = eventOf(text);
    expect(event.summary).toBe(REMINDER_WORDS.summary);
    expect(event.description).toBe(REMINDER_WORDS.description);
    const alarm = vevent.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('PT0S');
    expect(alarm?.getFirstPropertyValue('description')).toBe(REMINDER_WORDS.alarm);
  });

  test('every day of the week, starting on one of them', () => {
    const daily = reminderCalendar({
      ...base,
      days: ['SU', 'SA', 'FR', 'TH', 'WE', 'TU', 'MO'],
      time: '21:05',
    });
    expect(occurrences(daily, 3)).toEqual([
      '2026-01-06T21:05:00',
      '2026-01-07T21:05:00',
      '2026-01-08T21:05:00',
    ]);
  });

  test('ends every line in CRLF, and no line is longer than 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });

  test('folds a long non-ASCII description without breaking a character', () => {
    const description =
      'Prends dix minutes calmes, allongé·e sur le ventre ; serre doucement le coussin, ' +
      'talons intérieurs, genoux à 90°. 💪 Ça réveille les fessiers, petit à petit. ' +
      'Δοκίμασε ξανά αύριο — 明日もう一度。\nDeuxième ligne, avec une \\ barre.';
    const long = reminderCalendar({ ...base, description, summary: 'Fessiers ; réveil, doux' });
    const lines = long.split('\r\n');
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    const { event } = eventOf(long);
    expect(event.description).toBe(description);
    expect(event.summary).toBe('Fessiers ; réveil, doux');
  });

  test('refuses what it cannot write well', () => {
    expect(() => reminderCalendar({ ...base, days: [] })).toThrow(/at least one day/);
    expect(() => reminderCalendar({ ...base, time: '7:30' })).toThrow(/not a time/);
    expect(() => reminderCalendar({ ...base, startDay: '2026-02-30' })).toThrow(/not a day/);
    expect(() => reminderCalendar({ ...base, uid: 'a b' })).toThrow(/uid/);
    expect(() => reminderCalendar({ ...base, durationMinutes: 0 })).toThrow(/minutes/);
  });
});

describe('text escaping and folding', () => {
  test('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  test('leaves short lines alone and folds at exactly 75 octets', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const folded = foldLine(`X:${'a'.repeat(200)}`).split('\r\n');
    expect(folded.map((line) => line.length)).toEqual([75, 75, 54]);
    expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true);
  });

  test('moves a three-octet character whole to the next line', () => {
    const folded = foldLine(`${'a'.repeat(73)}€b`).split('\r\n');
    expect(folded).toEqual(['a'.repeat(73), ' €b']);
  });
});
