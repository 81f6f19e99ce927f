// Progress over days, loaded only when someone opens it: the insight lines
// core computes, the consistency calendar, and the trend charts of one
// exercise (the one practised most recently, or the one chosen).
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  builtinProtocols,
  consistencyOf,
  insightsFor,
  trendPoints,
  type PracticeRecord,
} from '@glutewake/core';
import { useServices } from '../app.js';
import { messages } from '../messages.js';
import { Calendar } from './Calendar.js';
import { progressMessages as t } from './messages.js';
import { loadPracticeRecords, today } from './records.js';
import { TrendCharts } from './TrendCharts.js';
import './progress.css';

export function ProgressScreen() {
  const services = useServices();
  const [records, setRecords] = useState<PracticeRecord[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    void loadPracticeRecords(services.log).then(setRecords);
  }, [services]);

  const day = today();
  const practised = useMemo(() => {
    const ids = new Set((records ?? []).map((r) => r.protocolId));
    return builtinProtocols.filter((p) => ids.has(p.id));
  }, [records]);
  const latest = [...(records ?? [])].sort((a, b) => b.startedAt - a.startedAt)[0];
  const protocolId = chosen ?? latest?.protocolId ?? 'prone-ankle-squeeze';

  return (
    <main class="screen progress" aria-labelledby="progress-title">
      <a class="nav-link back" href="#/">
        ← {messages.nav.home}
      </a>
      <h1 id="progress-title">{t.title}</h1>
      {records !== null && records.length === 0 && <p class="lead">{t.empty}</p>}
      {records !== null && records.length > 0 && (
        <>
          {practised.length > 1 && (
            <label class="field">
              <span>{t.exercise}</span>
              <select value={protocolId} onChange={(e) => setChosen(e.currentTarget.value)}>
                {practised.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Insights records={records} protocolId={protocolId} day={day} />
          <Calendar consistency={consistencyOf(records, day)} />
          <TrendCharts points={trendPoints(records, protocolId, day)} />
        </>
      )}
    </main>
  );
}

function Insights(props: { records: PracticeRecord[]; protocolId: string; day: string }) {
  const insights = insightsFor(props.records, props.protocolId, props.day);
  return (
    <section class="card" aria-labelledby="insights-title">
      <h2 id="insights-title">{t.insightsTitle}</h2>
      {insights.length === 0 ? (
        <p class="hint">{t.noInsights}</p>
      ) : (
        <ul class="insights">
          {insights.map((insight) => (
            <li key={insight.id} class={`insight ${insight.tone}`}>
              {insight.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
