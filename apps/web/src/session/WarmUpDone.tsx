// The end of a pre-activation block: the warm-up is done, and one large,
// obvious button starts the exercise it leads into (no symptom questions:
// those come at the end of the main session). The coach has just said to get
// into position and tap when ready, so the button is focused and fills the
// width of the screen. A smaller button finishes for today instead.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Protocol } from '@glutewake/core';
import { navigate, useServices } from '../app.js';
import { messages } from '../messages.js';
import { enterFullscreen } from '../ui/fullscreen.js';
import { SetupGuide } from '../illustrations/SetupGuide.js';
import { startProtocolSession } from './start.js';
import './session.css';

const t = messages.end.warmUp;

export function WarmUpDone({ sessionId, next }: { sessionId: string; next: Protocol }) {
  const services = useServices();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const goOnRef = useRef<HTMLButtonElement>(null);
  useEffect(() => goOnRef.current?.focus(), []);

  /** The block's runner, if it is still the current one, is closed first (its farewell may finish). */
  const closeBlock = async () => {
    const current = services.runner;
    if (current?.sessionId === sessionId) {
      await current.dispose();
      services.runner = null;
    }
  };
  const goOn = async () => {
    setBusy(true);
    setFailed(false);
    enterFullscreen();
    try {
      await services.player.unlock();
      await closeBlock();
      await startProtocolSession(services, next.id, { withPreActivation: false });
      navigate({ name: 'session' });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  const finish = async () => {
    await closeBlock();
    navigate({ name: 'home' });
  };

  return (
    <main class="screen end warm-up-done" aria-labelledby="end-title">
      <h1 id="end-title">{t.title}</h1>
      <p class="lead">{t.lead(next.name)}</p>
      <button
        type="button"
        class="primary huge go-on"
        ref={goOnRef}
        disabled={busy}
        onClick={() => void goOn()}
      >
        {t.goOn(next.name)}
      </button>
      {failed && (
        <p class="notice error" role="alert">
          {t.startFailed}
        </p>
      )}
      <SetupGuide protocol={next} withEquipment />
      <button type="button" class="secondary" disabled={busy} onClick={() => void finish()}>
        {t.finish}
      </button>
    </main>
  );
}
