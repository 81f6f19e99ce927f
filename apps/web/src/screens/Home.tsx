// Home: start (or resume) a session, the last session at a glance, and the
// way to history, settings and the guide.
import { useEffect, useState } from 'preact/hooks';
import { foldSession, type SessionSummary } from '@glutewake/core';
import { navigate, useServices } from '../app.js';
import { messages } from '../messages.js';
import type { StoredSession } from '../store/db.js';
import { SessionRunner } from '../session/runner.js';
import { whereItStands } from '../ui/format.js';
import { enterFullscreen } from '../ui/fullscreen.js';
import { startSession, runnerDeps } from '../session/start.js';

const t = messages.home;

export function Home() {
  const services = useServices();
  const [sessions, setSessions] = useState<StoredSession[] | null>(null);
  const [paused, setPaused] = useState<{ sessionId: string; where: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void (async () => {
      const all = await services.log.sessions();
      setSessions(all.filter((s) => s.ended));
      const unfinished = all.find((s) => !s.ended);
      if (unfinished) {
        const state = foldSession(
          services.lookup,
          await services.log.eventsOf(unfinished.sessionId),
        );
        setPaused({ sessionId: unfinished.sessionId, where: whereItStands(state) });
      }
    })();
  }, [services]);

  const start = async () => {
    setBusy(true);
    setFailed(false);
    enterFullscreen();
    try {
      await services.player.unlock();
      await startSession(services);
      navigate({ name: 'session' });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const resume = async (sessionId: string) => {
    setBusy(true);
    setFailed(false);
    enterFullscreen();
    try {
      await services.player.unlock();
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
      navigate({ name: 'session' });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const last: SessionSummary | undefined = sessions?.[0]?.summary;

  return (
    <main class="screen home" aria-labelledby="home-title">
      <header class="home-header">
        <h1 id="home-title">{messages.appName}</h1>
        <p class="lead">{messages.tagline}</p>
      </header>
      {paused ? (
        <section class="card" aria-label={t.resume}>
          <p class="lead">{t.resumeDetail(paused.where)}</p>
          <button
            type="button"
            class="primary huge"
            disabled={busy}
            onClick={() => void resume(paused.sessionId)}
          >
            {t.resume}
          </button>
        </section>
      ) : (
        <button type="button" class="primary huge" disabled={busy} onClick={() => void start()}>
          {t.start}
        </button>
      )}
      {failed && (
        <p class="notice error" role="alert">
          {messages.session.saveFailed}
        </p>
      )}
      <section class="card" aria-labelledby="last-title">
        <h2 id="last-title">{t.lastSession}</h2>
        {last ? (
          <ul class="plain">
            <li>{messages.end.title[last.outcome === 'in-progress' ? 'stopped' : last.outcome]}</li>
            <li>{t.firedAt('left', last.wakeUp.leftFiredAtRep)}</li>
            <li>{t.firedAt('right', last.wakeUp.rightFiredAtRep)}</li>
          </ul>
        ) : (
          <p>{sessions === null ? '…' : t.noSessions}</p>
        )}
      </section>
      <nav class="home-nav" aria-label="More">
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
