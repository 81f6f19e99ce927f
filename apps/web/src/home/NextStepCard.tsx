// The next step on the ladder and how far it is: the practice days and
// strong sessions still needed, in the rule's own numbers, or the news that
// the next exercise is open (shown first while it has not been tried).
import type { HomeData } from './use-home-data.js';
import { homeMessages as t } from './messages.js';
import { ReadinessMeter } from './ReadinessMeter.js';

export function NextStepCard({ data }: { data: HomeData }) {
  const { next, current, records } = data;
  const unlocked = current !== null && current.state !== 'open' ? current : null;
  // News first: an exercise that opened and has not been tried yet.
  const untried = unlocked && !records.some((r) => r.protocolId === unlocked.protocol.id);
  if (unlocked && (next === null || untried)) {
    return (
      <section class="card" aria-labelledby="next-title">
        <h2 id="next-title">{t.unlockedTitle(unlocked.protocol.name)}</h2>
        {untried && <p class="hint">{t.unlockedDetail}</p>}
        <a class="nav-link" href="#/exercises">
          {t.seeExercises}
        </a>
      </section>
    );
  }
  if (next === null) return null;
  const readiness = next.readiness;
  return (
    <section class="card" aria-labelledby="next-title">
      <h2 id="next-title">{t.nextTitle(next.protocol.name)}</h2>
      {readiness && (
        <ReadinessMeter
          readiness={readiness}
          practiceDaysLabel={t.practiceDays}
          strongSessionsLabel={t.strongSessions}
        />
      )}
      {next.missing[0] && <p class="hint">{t.stillToDo(next.missing.map((m) => m.text))}</p>}
      <a class="nav-link" href="#/exercises">
        {t.seeExercises}
      </a>
    </section>
  );
}
