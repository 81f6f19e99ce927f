// When a reminder is due and when the next one falls, as a table of local
// moments: practice days and the rest, before and after the time, with and
// without a session already done today.
import { describe, expect, test } from 'vitest';
import {
  isReminderDue,
  isReminderTime,
  minutesOfTime,
  nextReminderAt,
  timeOfMinutes,
  weekOrder,
  type LocalNow,
  type ReminderSchedule,
} from '../src/index.js';

const mondayWednesdayFriday: ReminderSchedule = { time: '07:30', days: ['MO', 'WE', 'FR'] };
// 2026-01-05 is a Monday.
const at = (day: string, weekday: LocalNow['weekday'], time: string): LocalNow => ({
  day,
  weekday,
  minutes: minutesOfTime(time),
});

describe('isReminderDue', () => {
  test.each([
    ['a practice day, after the time, nothing done', at('2026-01-05', 'MO', '07:31'), false, true],
    ['a practice day, at the very minute', at('2026-01-05', 'MO', '07:30'), false, true],
    ['a practice day, late evening', at('2026-01-05', 'MO', '23:59'), false, true],
    ['a practice day, before the time', at('2026-01-05', 'MO', '07:29'), false, false],
    ['a practice day, already practised', at('2026-01-05', 'MO', '09:00'), true, false],
    ['a rest day, after the time', at('2026-01-06', 'TU', '09:00'), false, false],
  ])('%s', (_, now, practisedToday, due) => {
    expect(isReminderDue(mondayWednesdayFriday, now, practisedToday)).toBe(due);
  });

  test('never with no day chosen', () => {
    expect(isReminderDue({ time: '00:00', days: [] }, at('2026-01-05', 'MO', '12:00'), false)).toBe(
      false,
    );
  });
});

describe('nextReminderAt', () => {
  test.each([
    ['later today', at('2026-01-05', 'MO', '06:00'), false, { day: '2026-01-05', minutes: 450 }],
    [
      'today has passed',
      at('2026-01-05', 'MO', '08:00'),
      false,
      { day: '2026-01-07', minutes: 450 },
    ],
    [
      'done today already',
      at('2026-01-05', 'MO', '06:00'),
      true,
      { day: '2026-01-07', minutes: 450 },
    ],
    [
      'over the weekend',
      at('2026-01-09', 'FR', '20:00'),
      false,
      { day: '2026-01-12', minutes: 450 },
    ],
    [
      'from a rest day',
      at('2026-01-10', 'SA', '05:00'),
      false,
      { day: '2026-01-12', minutes: 450 },
    ],
    ['across a month', at('2026-01-30', 'FR', '08:00'), false, { day: '2026-02-02', minutes: 450 }],
  ])('%s', (_, now, practisedToday, next) => {
    expect(nextReminderAt(mondayWednesdayFriday, now, practisedToday)).toEqual(next);
  });

  test('one day a week comes back a week later', () => {
    const sundays: ReminderSchedule = { time: '18:00', days: ['SU'] };
    expect(nextReminderAt(sundays, at('2026-01-11', 'SU', '18:00'), false)).toEqual({
      day: '2026-01-18',
      minutes: 1080,
    });
  });

  test('none with no day chosen', () => {
    expect(
      nextReminderAt({ time: '07:30', days: [] }, at('2026-01-05', 'MO', '06:00'), false),
    ).toBe(null);
  });
});

describe('times and days', () => {
  test('reads and writes HH:MM', () => {
    expect(minutesOfTime('00:00')).toBe(0);
    expect(minutesOfTime('23:59')).toBe(1439);
    expect(timeOfMinutes(450)).toBe('07:30');
    expect(timeOfMinutes(1440 + 5)).toBe('00:05');
    for (const bad of ['7:30', '24:00', '07:60', '07:30:00', '']) {
      expect(isReminderTime(bad)).toBe(false);
      expect(() => minutesOfTime(bad)).toThrow(/not a time/);
    }
  });

  test('puts days in week order, each once', () => {
    expect(weekOrder(['SU', 'MO', 'FR', 'MO'])).toEqual(['MO', 'FR', 'SU']);
  });
});
