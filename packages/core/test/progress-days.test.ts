import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDay, localDayOf, weekdayOf } from '../src/index.js';

describe('local days', () => {
  it('places an instant on the day of the person’s time zone', () => {
    const lateEveningInNewYork = Date.UTC(2026, 10, 24, 3, 30);
    expect(localDayOf(lateEveningInNewYork, -300)).toBe('2026-11-23');
    expect(localDayOf(lateEveningInNewYork, 60)).toBe('2026-11-24');
  });

  it('counts across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-01', '2026-11-23')).toBe(22);
  });

  it('knows the weekday', () => {
    expect(weekdayOf('2026-11-23')).toBe('MO');
    expect(weekdayOf('1970-01-01')).toBe('TH');
    expect(weekdayOf('2026-11-29')).toBe('SU');
  });

  it('accepts only real calendar days', () => {
    expect(isLocalDay('2026-02-29')).toBe(false);
    expect(isLocalDay('2028-02-29')).toBe(true);
    expect(isLocalDay('2026-1-5')).toBe(false);
  });
});
