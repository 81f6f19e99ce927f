// Today at a glance: practised or not, the streak, and the key numbers of
// the last session (when each glute fired, and the balance at the end).
import { messages } from '../messages.js';
import type { HomeData } from './use-home-data.js';
import { homeMessages as t } from './messages.js';

export function TodayCard({ data }: { data: HomeData }) {
  const { consistency, last } = data;
  return (
    <section class="card today-card" aria-labelledby="today-title">
      <h2 id="today-title">{consistency.practisedToday ? t.doneToday : t.notYetToday}</h2>
      {consistency.currentStreak > 0 && <p>{t.streak(consistency.currentStreak)}</p>}
      {last ? (
        <>
          <h3>{t.lastSession}</h3>
          <ul class="key-numbers">
            <li>
              <span class="hint">{messages.regions.left}</span>
              <strong>{t.firedAt(last.leftFiredAtRep)}</strong>
            </li>
            <li>
              <span class="hint">{messages.regions.right}</span>
              <strong>{t.firedAt(last.rightFiredAtRep)}</strong>
            </li>
            <li>
              <span class="hint">{t.balance}</span>
              <strong>{last.lastBalance ? messages.balances[last.lastBalance] : '–'}</strong>
            </li>
          </ul>
        </>
      ) : (
        <p class="hint">{messages.home.noSessions}</p>
      )}
    </section>
  );
}
