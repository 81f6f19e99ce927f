// The end of a session: when each glute fired (and how that compares with
// the previous session of the same exercise), the sets done (per leg for
// single-leg work), and a quick symptom log with a note. The end of a
// pre-activation block is different: one large button goes straight on to
// the exercise it leads into (named in the block's own log), and nothing is
// asked, since the block is only a warm-up.
import { useEffect, useState } from 'preact/hooks';
import {
  GLUTES,
  SYMPTOMS,
  findBuiltinProtocol,
  foldSession,
  summarize,
  type Protocol,
  type SessionSummary,
  type Symptom,
  type SymptomScores,
} from '@glutewake/core';
import { navigate, useServices } from '../app.js';
import { messages } from '../messages.js';
import { SessionRunner } from '../session/runner.js';
import { runnerDeps } from '../session/start.js';
import { WarmUpDone } from '../session/WarmUpDone.js';

const t = messages.end;
const SCORES = Array.from({ length: 11 }, (_, i) => i);

export function EndScreen({ sessionId }: { sessionId: string }) {
  const services = useServices();
  const [summary, setSummary] = useState<SessionSummary | null>(null);
  const [next, setNext] = useState<Protocol | null>(null);
  const [previous, setPrevious] = useState<SessionSummary | null>(null);
  const [scores, setScores] = useState<Record<Symptom, number>>({
    knee: 0,
    foot: 0,
    hamstringCramping: 0,
    backStiffness: 0,
  });
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void (async () => {
      const events = await services.log.eventsOf(sessionId);
      const state = foldSession(services.lookup, events);
      const own = summarize(state);
      const leadsInto = state.plan?.leadsInto ?? null;
      if (own.outcome === 'completed' && leadsInto !== null) {
        setNext(findBuiltinProtocol(leadsInto.id, leadsInto.version));
      }
      setSummary(own);
      if (own.symptoms) setScores((s) => ({ ...s, ...own.symptoms }));
      if (own.note) setNote(own.note);
      // Compare with the last session of the same exercise that measured a wake-up.
      const earlier = (await services.log.sessions()).filter(
        (s) =>
          s.ended &&
          s.sessionId !== sessionId &&
          s.startedAt < (own.startedAt ?? Infinity) &&
          s.summary.protocol?.id === own.protocol?.id &&
          s.summary.wakeUp.reps > 0,
      );
      setPrevious(earlier[0]?.summary ?? null);
    })();
  }, [services, sessionId]);

  if (summary === null) return <main class="screen" aria-busy="true" />;
  if (next !== null) return <WarmUpDone sessionId={sessionId} next={next} />;
  const outcome = summary.outcome === 'in-progress' ? 'stopped' : summary.outcome;

  const save = async () => {
    setSaving(true);
    setFailed(false);
    const symptoms: SymptomScores = Object.fromEntries(SYMPTOMS.map((s) => [s, scores[s]]));
    try {
      const current = services.runner;
      const runner =
        current?.sessionId === sessionId && !current.isDisposed
          ? current
          : await SessionRunner.reopen(runnerDeps(services), sessionId);
      await runner.logSymptoms(symptoms, note);
      await runner.dispose(); // the farewell, if still playing, is left to finish
      if (services.runner === runner) services.runner = null;
      navigate({ name: 'home' });
    } catch {
      setFailed(true);
      setSaving(false);
    }
  };

  const fired = (side: 'left' | 'right') => {
    const rep = side === 'left' ? summary.wakeUp.leftFiredAtRep : summary.wakeUp.rightFiredAtRep;
    const before = previous
      ? side === 'left'
        ? previous.wakeUp.leftFiredAtRep
        : previous.wakeUp.rightFiredAtRep
      : null;
    const name = messages.regions[side];
    return (
      <li>
        <strong>{t.firedAt(name, rep)}</strong>
        {rep !== null && before !== null && (
          <span class="compare"> ({t.compared(rep - before)})</span>
        )}
      </li>
    );
  };

  return (
    <main class="screen end" aria-labelledby="end-title">
      <h1 id="end-title">{t.title[outcome]}</h1>
      <p class="lead">{t.encouragement[outcome]}</p>
      <ul class="plain big-list">
        {fired('left')}
        {fired('right')}
        {summary.work.sides.some((side) => side !== null) ? (
          GLUTES.map((side) => (
            <li key={side}>
              {t.setsOnLeg(
                side,
                summary.work.sets.filter((_, index) => summary.work.sides[index] === side),
              )}
            </li>
          ))
        ) : (
          <li>{t.sets(summary.work.sets)}</li>
        )}
      </ul>
      <form
        class="card symptoms"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>{t.symptomsTitle}</h2>
        <p class="hint">{t.symptomsHint}</p>
        {SYMPTOMS.map((symptom) => (
          <label key={symptom} class="symptom">
            <span>{messages.symptoms[symptom]}</span>
            <select
              value={String(scores[symptom])}
              onChange={(e) =>
                setScores({ ...scores, [symptom]: Number((e.target as HTMLSelectElement).value) })
              }
            >
              {SCORES.map((score) => (
                <option key={score} value={String(score)}>
                  {score === 0 ? t.none : String(score)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label class="note">
          <span>{t.note}</span>
          <textarea
            maxLength={2000}
            rows={3}
            value={note}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        {failed && (
          <p class="notice error" role="alert">
            {messages.session.saveFailed}
          </p>
        )}
        <button type="submit" class="primary huge" disabled={saving}>
          {t.save}
        </button>
      </form>
    </main>
  );
}
