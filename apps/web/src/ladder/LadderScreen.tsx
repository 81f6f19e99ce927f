// The progression ladder: every exercise in order, what is open, and for
// what is locked exactly what is still missing. A person can start any open
// exercise (with a short ankle-squeeze warm-up where the protocol asks for
// one), or unlock the next one early after reading a clear caution.
import { useEffect, useState } from 'preact/hooks';
import {
  builtinProtocols,
  ladderStatus,
  type EarlyUnlock,
  type PracticeRecord,
  type Rung,
} from '@glutewake/core';
import { navigate, useServices } from '../app.js';
import { ReadinessMeter } from '../home/ReadinessMeter.js';
import { messages } from '../messages.js';
import { ladderMessages as t } from '../progress/messages.js';
import { loadPracticeRecords, today } from '../progress/records.js';
import { startProtocolSession } from '../session/start.js';
import { enterFullscreen } from '../ui/fullscreen.js';
import { loadEarlyUnlocks, unlockEarly } from '../store/unlocks.js';
import '../progress/progress.css';

export function LadderScreen() {
  const services = useServices();
  const [records, setRecords] = useState<PracticeRecord[] | null>(null);
  const [unlocks, setUnlocks] = useState<EarlyUnlock[]>([]);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadPracticeRecords(services.log).then(setRecords);
    void loadEarlyUnlocks(services.db).then(setUnlocks);
  }, [services]);

  const start = async (protocolId: string, withPreActivation: boolean) => {
    setBusy(true);
    setFailed(false);
    enterFullscreen();
    try {
      await services.player.unlock();
      await startProtocolSession(services, protocolId, { withPreActivation });
      navigate({ name: 'session' });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const unlock = async (protocolId: string) => {
    setUnlocks(await unlockEarly(services.db, protocolId, Date.now()));
  };

  const therapistUnlocks = services.currentProgram()?.program.unlocks ?? {};
  const rungs =
    records === null
      ? []
      : ladderStatus(builtinProtocols, records, today(), unlocks, therapistUnlocks);
  return (
    <main class="screen ladder" aria-labelledby="ladder-title">
      <a class="nav-link back" href="#/">
        ← {messages.nav.home}
      </a>
      <h1 id="ladder-title">{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {failed && (
        <p class="notice error" role="alert">
          {t.startFailed}
        </p>
      )}
      <ol class="rungs">
        {rungs.map((rung) => (
          <RungCard
            key={rung.protocol.id}
            rung={rung}
            canUnlock={
              rung.state === 'locked' &&
              rungs.some((r) => r.protocol.id === rung.after?.id && r.state !== 'locked')
            }
            busy={busy}
            onStart={(pre) => void start(rung.protocol.id, pre)}
            onUnlock={() => void unlock(rung.protocol.id)}
          />
        ))}
      </ol>
    </main>
  );
}

interface RungCardProps {
  rung: Rung;
  canUnlock: boolean;
  busy: boolean;
  onStart(withPreActivation: boolean): void;
  onUnlock(): void;
}

function RungCard({ rung, canUnlock, busy, onStart, onUnlock }: RungCardProps) {
  const { protocol, state, readiness, missing } = rung;
  const [preActivation, setPreActivation] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const titleId = `rung-${protocol.id}`;
  return (
    <li class="card rung" aria-labelledby={titleId}>
      <h2 id={titleId}>{protocol.name}</h2>
      <p>
        <span class={`rung-state ${state}`}>{t.state[state]}</span>
      </p>
      <p class="hint">{protocol.purpose}</p>
      {rung.therapist === 'early' && <p class="hint">{t.openedByTherapist}</p>}
      {state === 'locked' || state === 'held' ? (
        <>
          {readiness && canUnlock && (
            <ReadinessMeter
              readiness={readiness}
              practiceDaysLabel={t.practiceDays}
              strongSessionsLabel={t.goodSessions}
            />
          )}
          <h3>{t.stillToDo}</h3>
          <ul class="missing">
            {missing.map((item) => (
              <li key={item.text}>{item.text}</li>
            ))}
          </ul>
          {canUnlock && !confirming && (
            <button type="button" class="secondary" onClick={() => setConfirming(true)}>
              {t.unlockEarly}
            </button>
          )}
          {confirming && (
            <div class="confirm" role="alertdialog" aria-labelledby={`${titleId}-caution`}>
              <h3 id={`${titleId}-caution`}>{t.cautionTitle}</h3>
              {t.caution.map((line) => (
                <p key={line}>{line}</p>
              ))}
              <div class="button-row">
                <button
                  type="button"
                  class="primary"
                  onClick={() => {
                    setConfirming(false);
                    onUnlock();
                  }}
                >
                  {t.confirmUnlock}
                </button>
                <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                  {t.cancel}
                </button>
              </div>
            </div>
          )}
        </>
      ) : (
        <>
          {protocol.preActivation && (
            <label class="toggle">
              <input
                type="checkbox"
                checked={preActivation}
                onChange={(e) => setPreActivation(e.currentTarget.checked)}
              />
              <span>{t.withPreActivation(protocol.preActivation.reps)}</span>
            </label>
          )}
          <button
            type="button"
            class="primary big"
            disabled={busy}
            onClick={() => onStart(preActivation && protocol.preActivation !== undefined)}
          >
            {t.start(protocol.name)}
          </button>
        </>
      )}
    </li>
  );
}
