// How regularly someone practises: the days they practised, the current and
// longest streaks, and the last four weeks at a glance. A streak counts days
// in a row with at least one session that did any work; today not yet
// practised does not break a streak that reached yesterday.
import { addDays, daysBetween, type LocalDay } from './days.js';
import type { PracticeRecord } from './history.js';

export interface CalendarDay {
  day: LocalDay;
  sessions: number;
  isToday: boolean;
}

export interface Consistency {
  practisedDays: LocalDay[];
  practisedToday: boolean;
  currentStreak: number;
  longestStreak: number;
  daysPractisedLast7: number;
  daysPractisedLast28: number;
  /** 28 days ending today, oldest first. */
  lastFourWeeks: CalendarDay[];
  lastPractisedDay: LocalDay | null;
}

/** A session counts as practice once at least one rep was done. */
export function isPractice(record: PracticeRecord): boolean {
  return record.wakeUpReps + record.workReps > 0;
}

export function consistencyOf(history: readonly PracticeRecord[], today: LocalDay): Consistency {
  const sessionsByDay = new Map<LocalDay, number>();
  for (const record of history) {
    if (record.day > today || !isPractice(record)) continue;
    sessionsByDay.set(record.day, (sessionsByDay.get(record.day) ?? 0) + 1);
  }
  const practisedDays = [...sessionsByDay.keys()].sort();
  const practisedToday = sessionsByDay.has(today);
  const streakEnd = practisedToday ? today : addDays(today, -1);
  let currentStreak = 0;
  while (sessionsByDay.has(addDays(streakEnd, -currentStreak))) currentStreak++;

  const countSince = (days: number) =>
    practisedDays.filter((day) => daysBetween(day, today) < days).length;
  const lastFourWeeks = Array.from({ length: 28 }, (_, index) => {
    const day = addDays(today, index - 27);
    return { day, sessions: sessionsByDay.get(day) ?? 0, isToday: day === today };
  });
  return {
    practisedDays,
    practisedToday,
    currentStreak,
    longestStreak: longestRun(practisedDays),
    daysPractisedLast7: countSince(7),
    daysPractisedLast28: countSince(28),
    lastFourWeeks,
    lastPractisedDay: practisedDays.at(-1) ?? null,
  };
}

function longestRun(sortedDays: readonly LocalDay[]): number {
  let longest = 0;
  let run = 0;
  let previous: LocalDay | null = null;
  for (const day of sortedDays) {
    run = previous !== null && daysBetween(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return longest;
}
