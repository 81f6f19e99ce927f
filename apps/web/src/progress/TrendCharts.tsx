// The trend charts of one exercise: when each glute fired, the balance at the
// end, how many glutes woke up, and the symptom scores. Every chart carries
// its numbers as a table too.
import { SYMPTOMS, type TrendPoint } from '@glutewake/core';
import { Chart } from './Chart.js';
import { shortDay } from './format.js';
import { progressMessages as t } from './messages.js';

const LEFT = '#7cc4ff';
const RIGHT = '#ffc94d';
const SYMPTOM_STYLES = [
  { color: '#ff8a80' },
  { color: '#b39ddb', dash: [8, 5] },
  { color: '#80cbc4', dash: [2, 4] },
  { color: '#ffcc80', dash: [12, 4, 2, 4] },
];

const rep = (value: number | null) => (value === null ? t.notFired : String(value));

export function TrendCharts({ points }: { points: TrendPoint[] }) {
  const times = points.map((p) => p.startedAt);
  const dayOf = (p: TrendPoint) => shortDay(p.day);
  const glutesAwake = (p: TrendPoint) =>
    p.outcome === 'completed' || p.outcome === 'in-progress'
      ? null
      : [p.leftFiredAtRep, p.rightFiredAtRep].filter((r) => r !== null).length;
  const maxRep = Math.max(
    10,
    ...points.flatMap((p) => [p.leftFiredAtRep ?? 0, p.rightFiredAtRep ?? 0]),
  );
  const symptomSeries = SYMPTOMS.filter((s) => points.some((p) => p.symptoms[s] !== null));

  return (
    <div class="charts">
      <Chart
        id="firing"
        title={t.firingTitle}
        summary={t.firingSummary(points.length)}
        times={times}
        series={[
          { label: t.left, values: points.map((p) => p.leftFiredAtRep), color: LEFT },
          {
            label: t.right,
            values: points.map((p) => p.rightFiredAtRep),
            color: RIGHT,
            dash: [10, 6],
          },
        ]}
        y={{ min: 0, max: Math.ceil(maxRep / 5) * 5 }}
        showTableLabel={t.showTable}
        table={{
          caption: t.firingTitle,
          columns: [t.session, t.left, t.right],
          rows: points.map((p) => [dayOf(p), rep(p.leftFiredAtRep), rep(p.rightFiredAtRep)]),
        }}
      />
      <Chart
        id="balance"
        title={t.balanceTitle}
        summary={t.balanceSummary}
        times={times}
        series={[{ label: t.balance, values: points.map((p) => p.balanceScore), color: LEFT }]}
        y={{ min: -1.3, max: 1.3, ticks: t.balanceTicks }}
        showTableLabel={t.showTable}
        table={{
          caption: t.balanceTitle,
          columns: [t.session, t.balance],
          rows: points.map((p) => [
            dayOf(p),
            p.balanceScore === null ? t.notReported : t.balanceTicks[String(p.balanceScore) as '0'],
          ]),
        }}
      />
      <Chart
        id="outcome"
        title={t.outcomeTitle}
        summary={t.outcomeSummary}
        times={times}
        series={[{ label: t.glutesAwake, values: points.map(glutesAwake), color: '#80cbc4' }]}
        y={{ min: 0, max: 2.2, ticks: { 0: 'None', 1: 'One', 2: 'Both' }, bars: true }}
        showTableLabel={t.showTable}
        table={{
          caption: t.outcomeTitle,
          columns: [t.session, t.glutesAwake],
          rows: points.map((p) => [dayOf(p), t.outcome[p.outcome]]),
        }}
      />
      {symptomSeries.length === 0 ? (
        <section class="card">
          <h3>{t.symptomsTitle}</h3>
          <p class="hint">{t.noSymptoms}</p>
        </section>
      ) : (
        <Chart
          id="symptoms"
          title={t.symptomsTitle}
          summary={t.symptomsSummary}
          times={times}
          series={symptomSeries.map((symptom) => ({
            label: t.symptoms[symptom],
            values: points.map((p) => p.symptoms[symptom]),
            ...(SYMPTOM_STYLES[SYMPTOMS.indexOf(symptom)] ?? { color: '#ffffff' }),
          }))}
          y={{ min: 0, max: 10 }}
          showTableLabel={t.showTable}
          table={{
            caption: t.symptomsTitle,
            columns: [t.session, ...symptomSeries.map((s) => t.symptoms[s])],
            rows: points.map((p) => [
              dayOf(p),
              ...symptomSeries.map((s) => (p.symptoms[s] === null ? '–' : String(p.symptoms[s]))),
            ]),
          }}
        />
      )}
    </div>
  );
}
