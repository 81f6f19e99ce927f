// The device clock as core's reminder helpers see it: a local day, weekday
// and minutes, and a local moment back to epoch ms, across a daylight-saving
// change (in Paris, where the clocks go forward on 2026-03-29).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nextReminderAt } from '@glutewake/core';
import { epochOf, localNow } from '../src/reminders/local-time.js';

const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  process.env.TZ = zoneBefore;
});

describe('local time on this device', () => {
  test('reads now as the local day, weekday and minutes', () => {
    expect(localNow(Date.UTC(2026, 0, 5, 23, 30))).toEqual({
      day: '2026-01-06',
      weekday: 'TU',
      minutes: 30,
    });
  });

  test('keeps 07:30 at 07:30 on both sides of the clock change', () => {
    expect(epochOf({ day: '2026-03-28', minutes: 450 })).toBe(Date.UTC(2026, 2, 28, 6, 30));
    expect(epochOf({ day: '2026-03-29', minutes: 450 })).toBe(Date.UTC(2026, 2, 29, 5, 30));
  });

  test('finds the next reminder across the change', () => {
    const now = localNow(Date.UTC(2026, 2, 28, 20, 0));
    const next = nextReminderAt({ time: '07:30', days: ['SU'] }, now, false);
    expect(next).toEqual({ day: '2026-03-29', minutes: 450 });
    expect(next && epochOf(next)).toBe(Date.UTC(2026, 2, 29, 5, 30));
  });
});
