// The bridge between the device's clock and core's reminder helpers: now as
// a local day, weekday and minutes, and a local moment back to epoch ms.
// Invariant: both use the device's own time zone at that moment, so a
// reminder set for 07:30 stays at 07:30 across daylight-saving changes.
import { weekdayOf, type LocalMoment, type LocalNow } from '@glutewake/core';
import { localDay } from '../progress/records.js';

export function localNow(epochMs: number): LocalNow {
  const date = new Date(epochMs);
  const day = localDay(epochMs);
  return { day, weekday: weekdayOf(day), minutes: date.getHours() * 60 + date.getMinutes() };
}

/** Epoch ms of a local day and time on this device. */
export function epochOf(moment: LocalMoment): number {
  const [year = 1970, month = 1, dayOfMonth = 1] = moment.day.split('-').map(Number);
  return new Date(
    year,
    month - 1,
    dayOfMonth,
    Math.floor(moment.minutes / 60),
    moment.minutes % 60,
  ).getTime();
}
