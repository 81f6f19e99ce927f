// The consistency calendar: the last four weeks as a grid of days, practised
// days filled, today outlined, with the current streak above it. It is a real
// table, so a screen reader can walk it day by day.
import type { Consistency } from '@glutewake/core';
import { formatDay } from './format.js';
import { progressMessages as t } from './messages.js';

export function Calendar({ consistency }: { consistency: Consistency }) {
  const days = consistency.lastFourWeeks;
  const weeks = Array.from({ length: 4 }, (_, week) => days.slice(week * 7, week * 7 + 7));
  return (
    <section class="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t.calendarTitle}</h2>
      <p class="streak">
        <strong>{t.streak(consistency.currentStreak)}</strong>
        <span class="hint">
          {' · '}
          {t.daysThisWeek(consistency.daysPractisedLast7)} ·{' '}
          {t.daysThisMonth(consistency.daysPractisedLast28)}
        </span>
      </p>
      <table class="calendar">
        <caption class="visually-hidden">{t.calendarTitle}</caption>
        <thead>
          <tr>
            {(weeks[0] ?? []).map(({ day }) => (
              <th key={day} scope="col" abbr={formatDay(day, { weekday: 'long' })}>
                {formatDay(day, { weekday: 'narrow' })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={index}>
              {week.map(({ day, sessions, isToday }) => (
                <td
                  key={day}
                  class={`${sessions > 0 ? 'practised' : ''}${isToday ? ' today' : ''}`}
                >
                  <span aria-hidden="true">{Number(day.slice(8))}</span>
                  <span class="visually-hidden">
                    {formatDay(day, { weekday: 'long', day: 'numeric', month: 'long' })}
                    {isToday ? `, ${t.today}` : ''}: {t.practised(sessions)}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
