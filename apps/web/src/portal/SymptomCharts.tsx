// A client's symptom scores over their sessions, as one uPlot chart (the
// progress screen's Chart) with the numbers as a table. Only the symptoms
// the client scored are drawn; withheld symptoms read as not shared.
import { Chart } from '../progress/Chart.js';
import '../progress/progress.css';
import { shortDate } from './format.js';
import { SYMPTOM_LABELS } from './session-words.js';
import type { TimelineSession } from './types.js';

const STYLES = [
  { color: '#ff8a80' },
  { color: '#b39ddb', dash: [8, 5] },
  { color: '#80cbc4', dash: [2, 4] },
  { color: '#ffcc80', dash: [12, 4, 2, 4] },
];

export function SymptomCharts({
  sessions,
  shared,
}: {
  sessions: readonly TimelineSession[];
  shared: boolean;
}) {
  const scored = sessions
    .filter(
      (s): s is TimelineSession & { startedAt: number } =>
        s.startedAt !== null && s.symptoms !== null,
    )
    .sort((a, b) => a.startedAt - b.startedAt);
  const names = Object.keys(SYMPTOM_LABELS).filter((name) =>
    scored.some((s) => s.symptoms?.[name] !== undefined),
  );
  if (!shared || names.length === 0) {
    return (
      <section class="card" aria-labelledby="symptoms-title">
        <h3 id="symptoms-title">Symptoms</h3>
        <p class="hint">
          {shared
            ? 'No symptom scores yet.'
            : 'This client keeps their symptom scores to themselves.'}
        </p>
      </section>
    );
  }
  const score = (s: TimelineSession, name: string) => s.symptoms?.[name] ?? null;
  return (
    <Chart
      id="client-symptoms"
      title="Symptoms"
      summary={`Symptom scores from 0 (none) to 10 after each of ${scored.length} sessions.`}
      times={scored.map((s) => s.startedAt)}
      series={names.map((name, i) => ({
        label: SYMPTOM_LABELS[name] ?? name,
        values: scored.map((s) => score(s, name)),
        ...(STYLES[i % STYLES.length] ?? { color: '#ff8a80' }),
      }))}
      y={{ min: 0, max: 10 }}
      showTableLabel="Show as a table"
      table={{
        caption: 'Symptom scores by session',
        columns: ['Session', ...names.map((name) => SYMPTOM_LABELS[name] ?? name)],
        rows: [...scored].reverse().map((s) => [
          shortDate(s.startedAt),
          ...names.map((name) => {
            const value = score(s, name);
            return value === null ? '–' : String(value);
          }),
        ]),
      }}
    />
  );
}
