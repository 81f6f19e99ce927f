// Home: today at a glance (done or not, the streak, the last key numbers),
// the one obvious action (start or resume a session), the next step on the
// ladder and how far it is, and the way to progress, exercises, history,
// settings and the guide.
import { isAvailable } from '@glutewake/core';
import { useState } from 'preact/hooks';
import { navigate, useServices } from '../app.js';
import { messages } from '../messages.js';
import { SessionRunner } from '../session/runner.js';
import { enterFullscreen } from '../ui/fullscreen.js';
import { runnerDeps, startProtocolSession } from '../session/start.js';
import { exerciseToStart, useHomeData } from '../home/use-home-data.js';
import { TodayCard } from '../home/TodayCard.js';
import { NextStepCard } from '../home/NextStepCard.js';
import { homeMessages } from '../home/messages.js';
import { ReminderBanner } from '../reminders/ReminderBanner.js';

const t = messages.home;

export function Home() {
  const services = useServices();
  const data = useHomeData(services);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const exercise = exerciseToStart(data);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailed(false);
    enterFullscreen();
    try {
      await services.player.unlock();
      await action();
      navigate({ name: 'session' });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    act(async () => {
      const id = exercise?.id ?? 'prone-ankle-squeeze';
      await startProtocolSession(services, id, {
        withPreActivation: exercise?.preActivation !== undefined,
      });
    });
  const resume = (sessionId: string) =>
    act(async () => {
      const current = services.runner;
      const runner =
        current?.sessionId === sessionId && !current.isDisposed
          ? current
          : await (async () => {
              await current?.dispose();
              return SessionRunner.reopen(runnerDeps(services), sessionId);
            })();
      services.runner = runner;
      // Pressing Resume here is the person saying they are back in position.
      if (runner.current.position.kind === 'paused') await runner.resume();
    });

  return (
    <main class="screen home" aria-labelledby="home-title">
      <header class="home-header">
        <h1 id="home-title">{messages.appName}</h1>
        <p class="lead">{messages.tagline}</p>
      </header>
      {data?.paused ? (
        <section class="card" aria-label={t.resume}>
          <p class="lead">{t.resumeDetail(data.paused.where)}</p>
          <button
            type="button"
            class="primary huge"
            disabled={busy}
            onClick={() => data.paused && void resume(data.paused.sessionId)}
          >
            {t.resume}
          </button>
        </section>
      ) : (
        <div class="start">
          {exercise && data && data.rungs.filter(isAvailable).length > 1 && (
            <p class="lead">
              {homeMessages.today(exercise.name)}{' '}
              <a class="link" href="#/exercises">
                {homeMessages.change}
              </a>
            </p>
          )}
          <button
            type="button"
            class="primary huge"
            disabled={busy || data === null}
            onClick={() => void start()}
          >
            {t.start}
          </button>
        </div>
      )}
      {failed && (
        <p class="notice error" role="alert">
          {messages.session.saveFailed}
        </p>
      )}
      {data && !data.paused && <ReminderBanner practisedToday={data.consistency.practisedToday} />}
      {data?.therapistMessage && (
        <section class="card" aria-label={homeMessages.fromTherapist}>
          <h2>{homeMessages.fromTherapist}</h2>
          <p>{data.therapistMessage}</p>
        </section>
      )}
      {data && <TodayCard data={data} />}
      {data && <NextStepCard data={data} />}
      <nav class="home-nav" aria-label="More">
        <a class="nav-link" href="#/progress">
          {homeMessages.progress}
        </a>
        <a class="nav-link" href="#/exercises">
          {homeMessages.exercises}
        </a>
        <a class="nav-link" href="#/history">
          {messages.nav.history}
        </a>
        <a class="nav-link" href="#/settings">
          {messages.nav.settings}
        </a>
        <a class="nav-link" href="#/welcome">
          {messages.nav.guide}
        </a>
      </nav>
    </main>
  );
}
