// Every past session, newest first, each linking to its end screen. Trends
// and the ladder have their own screens (#/progress and #/exercises).
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../app.js';
import { messages } from '../messages.js';
import type { StoredSession } from '../store/db.js';
import { day } from '../ui/format.js';

const t = messages.history;

export function History() {
  const services = useServices();
  const [sessions, setSessions] = useState<StoredSession[] | null>(null);
  useEffect(() => {
    void services.log.sessions().then(setSessions);
  }, [services]);

  return (
    <main class="screen history" aria-labelledby="history-title">
      <a class="nav-link back" href="#/">
        ← {messages.nav.home}
      </a>
      <h1 id="history-title">{t.title}</h1>
      {sessions !== null && sessions.length === 0 && <p class="lead">{t.empty}</p>}
      <ol class="session-list">
        {sessions?.map(({ sessionId, startedAt, summary }) => (
          <li key={sessionId} class="card">
            <h2>
              <a href={`#/end/${sessionId}`}>{day(startedAt)}</a>
            </h2>
            <p>
              {summary.outcome === 'in-progress'
                ? t.inProgress
                : messages.end.title[summary.outcome]}
            </p>
            <p>
              {messages.home.firedAt('left', summary.wakeUp.leftFiredAtRep)} ·{' '}
              {messages.home.firedAt('right', summary.wakeUp.rightFiredAtRep)}
            </p>
            <p>
              {t.wakeUpReps(summary.wakeUp.reps)} · {messages.end.sets(summary.work.sets)}
            </p>
          </li>
        ))}
      </ol>
    </main>
  );
}
