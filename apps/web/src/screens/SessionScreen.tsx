// The session player, made for someone lying face down (or on their back, or
// standing): huge type, the phase, set (and leg), rep and time left readable
// from two metres away, in the words of the exercise being run ("Lift",
// "Lower"); how to get into position while the coach opens the session;
// answers by tap anywhere, keys, headset buttons or voice, and a check-in
// panel that opens by itself when the coach asks. The sound runs on its own
// clock.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Balance, Region, SessionState } from '@glutewake/core';
import { navigate, useServices, useServicesVersion } from '../app.js';
import { messages } from '../messages.js';
import { viewAt } from '../session/now-step.js';
import {
  checkInTitle,
  inOpening,
  phaseLabel as phaseLabelOf,
  stepLabel as stepLabelOf,
} from '../session/labels.js';
import { SetupGuide } from '../illustrations/SetupGuide.js';
import '../session/session.css';
import { intentForKey } from '../input/answer-keys.js';
import { listenToMediaButtons } from '../input/media-session.js';
import { listenForSpokenAnswers } from '../input/voice-answers.js';
import { holdScreenWakeLock } from '../ui/wake-lock.js';
import { leaveFullscreen } from '../ui/fullscreen.js';
import { clock } from '../ui/format.js';
import { CheckInPanel } from './CheckInPanel.js';
import { useNow } from '../ui/use-now.js';
import { StorageFullError } from '../store/event-log.js';
import { StorageFullNotice } from '../session/StorageFullNotice.js';

const t = messages.session;

interface Choice {
  regions: Region[];
  balance: Balance | null;
}

const EMPTY_CHOICE: Choice = { regions: [], balance: null };

export function SessionScreen() {
  const services = useServices();
  useServicesVersion();
  const runner = services.runner;
  const now = useNow(200, () => services.player.now());
  const [choice, setChoice] = useState<Choice | null>(null);
  const [confirmingStop, setConfirmingStop] = useState(false);
  const [answerFailed, setAnswerFailed] = useState(false);
  const keepGoingRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmingStop) keepGoingRef.current?.focus();
  }, [confirmingStop]);
  const choiceRef = useRef(choice);
  choiceRef.current = choice;

  const state: SessionState | null = runner?.current ?? null;
  const position = state?.position ?? null;
  const engineCheckIn = position?.kind === 'check-in' ? position : null;
  const checkInKey = engineCheckIn ? `${engineCheckIn.askedAt}` : null;

  useEffect(() => {
    if (!runner) navigate({ name: 'home' });
  }, [runner]);
  useEffect(() => {
    if (position?.kind === 'ended' && runner) {
      leaveFullscreen();
      navigate({ name: 'end', sessionId: runner.sessionId });
    }
  }, [position?.kind, runner]);
  // A new engine check-in opens a fresh choice; leaving it closes the panel.
  useEffect(() => setChoice(checkInKey === null ? null : { ...EMPTY_CHOICE }), [checkInKey]);
  useEffect(() => holdScreenWakeLock(), []);
  // The player opens at its top, wherever the screen that started it was scrolled to.
  useEffect(() => scrollTo(0, 0), []);
  // Leaving the player (Back, Home) pauses a running session rather than leaving it playing unseen.
  useEffect(
    () => () => {
      const kind = runner?.current.position.kind;
      if (runner && !runner.isDisposed && (kind === 'block' || kind === 'check-in')) {
        void runner.pause().catch(() => undefined);
      }
    },
    [runner],
  );

  // The panel closes only once the answer is safely stored; if it is not, it stays open to try again.
  const send = async (direct?: Region[]) => {
    if (!runner) return;
    const current = choiceRef.current ?? EMPTY_CHOICE;
    const regions = direct ?? current.regions;
    if (regions.length === 0) return;
    const balance = direct ? null : current.balance;
    const live = runner.current.position.kind;
    try {
      if (live === 'check-in') await runner.answer(regions, balance);
      else if (live === 'block' || live === 'paused') {
        if (balance !== null) await runner.reportBalance(balance);
        await runner.reportFelt(regions);
      }
      setAnswerFailed(false);
      setChoice(null);
    } catch {
      setAnswerFailed(true);
    }
  };
  const toggle = (region: Region) =>
    setChoice((c) => {
      const regions = (c ?? EMPTY_CHOICE).regions;
      const next = regions.includes(region)
        ? regions.filter((r) => r !== region)
        : region === 'none'
          ? ['none' as const]
          : [...regions.filter((r) => r !== 'none'), region];
      return { ...(c ?? EMPTY_CHOICE), regions: next };
    });
  const pauseToggle = () => {
    if (!runner) return;
    const kind = runner.current.position.kind;
    if (kind === 'paused') void runner.resume();
    else if (kind === 'block' || kind === 'check-in') void runner.pause();
  };
  const sendRef = useRef(send);
  sendRef.current = send;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.target instanceof HTMLTextAreaElement ||
        event.repeat ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey
      )
        return;
      // Space acts on a focused button; Enter too, except on a region toggle, where Enter sends.
      const target = event.target;
      if (target instanceof HTMLButtonElement) {
        if (event.key === ' ') return;
        if (event.key === 'Enter' && !target.hasAttribute('aria-pressed')) return;
      }
      const intent = intentForKey(event.key, choiceRef.current !== null);
      if (!intent) return;
      event.preventDefault();
      switch (intent.kind) {
        case 'toggle':
          toggle(intent.region);
          break;
        case 'send':
          void sendRef.current();
          break;
        case 'feel-it':
          setChoice({ ...EMPTY_CHOICE });
          break;
        case 'pause-toggle':
          pauseToggle();
          break;
        case 'balance':
          setChoice((c) => ({ ...(c ?? EMPTY_CHOICE), balance: intent.balance }));
          break;
        case 'cancel':
          setConfirmingStop(false);
          if (runner?.current.position.kind !== 'check-in') setChoice(null);
          break;
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [runner]);

  useEffect(() => {
    const direct = (regions: Region[]) => void sendRef.current(regions);
    // Speech is only taken as an answer when a question is open and the coach
    // is not talking, so the coach's own words ("right angle") never count.
    const spoken = (regions: Region[]) => {
      const asked = services.runner?.current.position.kind === 'check-in';
      const coachTalking = 'speechSynthesis' in window && window.speechSynthesis.speaking;
      if (!coachTalking && (asked || choiceRef.current !== null)) direct(regions);
    };
    const stopMedia = listenToMediaButtons(direct, messages.appName);
    const stopVoice = services.prefs.voiceAnswers
      ? listenForSpokenAnswers(spoken)
      : () => undefined;
    return () => {
      stopMedia();
      stopVoice();
    };
  }, [services]);

  if (!runner || !state || !position) return null;
  const plan = state.plan;
  const timeline = runner.timeline;
  const view = viewAt(timeline, now);
  const paused = position.kind === 'paused';
  const live = paused ? position.resumeTo : position;
  const phase = live.kind === 'block' || live.kind === 'check-in' ? live.phase : null;
  const set = live.kind === 'block' || live.kind === 'check-in' ? live.set : null;
  const repShown =
    view.step?.rep ??
    (live.kind === 'block'
      ? Math.max(live.nextRep - 1, 0)
      : live.kind === 'check-in'
        ? live.rep
        : 0);
  const phaseLabel = phaseLabelOf(plan, phase, set);
  const repTotal =
    phase === 'work' ? t.of(plan?.work?.repsPerSet ?? 0) : t.upTo(plan?.wakeUp?.capReps ?? 0);
  const stepLabel = paused ? t.paused : view.step ? stepLabelOf(plan, view.step.kind) : '';
  const opening = plan !== null && inOpening(state);
  const countdownLabel =
    view.countdown?.kind === 'check-in'
      ? t.nextCheckIn
      : view.countdown?.kind === 'rest'
        ? t.restLeft
        : t.timeLeft;
  const panelOpen = choice !== null;
  const secondsLeft =
    view.countdown?.kind === 'answer' ? Math.ceil(view.countdown.msLeft / 1000) : null;

  const onTapAnywhere = () => {
    if (!panelOpen && position.kind === 'block') setChoice({ ...EMPTY_CHOICE });
  };

  return (
    <main
      class={`screen session step-${view.step?.kind ?? 'none'}${paused ? ' is-paused' : ''}`}
      onClick={onTapAnywhere}
      aria-labelledby="phase-label"
    >
      <header class="session-bar">
        <div class="session-where">
          {plan && <p class="session-exercise">{plan.protocol.name}</p>}
          <p id="phase-label" class="phase">
            {phaseLabel}
          </p>
        </div>
        <div class="session-actions" onClick={(e) => e.stopPropagation()}>
          <button type="button" class="secondary" onClick={pauseToggle} aria-keyshortcuts="P">
            {paused ? t.resume : t.pause}
          </button>
          <button type="button" class="secondary danger" onClick={() => setConfirmingStop(true)}>
            {t.stop}
          </button>
        </div>
      </header>
      {panelOpen && !paused ? (
        <p class="rep-compact">
          {t.rep} <strong>{repShown}</strong> {repTotal}
        </p>
      ) : (
        <>
          {opening && plan ? (
            <SetupGuide protocol={plan.protocol} />
          ) : (
            <section class="rep-display" aria-live="off">
              <p class="rep-label">{t.rep}</p>
              <p class="rep-number" data-testid="rep">
                {repShown}
              </p>
              <p class="rep-total">{repTotal}</p>
            </section>
          )}
          <p
            class={`step-label step-${view.step?.kind ?? 'none'}`}
            role="status"
            aria-live="polite"
          >
            {stepLabel}
          </p>
          {view.countdown && !paused && (
            <p class="countdown">
              <span>{countdownLabel}</span> <strong>{clock(view.countdown.msLeft)}</strong>
            </p>
          )}
        </>
      )}
      {paused && (
        <section class="card paused-card" onClick={(e) => e.stopPropagation()}>
          <p class="lead">{t.pausedDetail}</p>
          <button type="button" class="primary huge" onClick={pauseToggle}>
            {t.resume}
          </button>
        </section>
      )}
      {!panelOpen && !paused && position.kind === 'block' && (
        <>
          <button
            type="button"
            class="primary huge feel-it"
            onClick={(e) => {
              e.stopPropagation();
              setChoice({ ...EMPTY_CHOICE });
            }}
            aria-keyshortcuts="Space"
          >
            {t.feelItNow}
          </button>
          <p class="hint">{t.tapHint}</p>
        </>
      )}
      {panelOpen && !paused && (
        <CheckInPanel
          title={checkInTitle(plan, engineCheckIn?.phase ?? null)}
          askBalance={
            engineCheckIn?.phase === 'work' || (phase === 'work' && engineCheckIn === null)
          }
          selected={choice.regions}
          balance={choice.balance}
          secondsLeft={secondsLeft}
          onToggle={toggle}
          onBalance={(balance) => setChoice((c) => ({ ...(c ?? EMPTY_CHOICE), balance }))}
          onSend={() => void send()}
          onCancel={engineCheckIn ? undefined : () => setChoice(null)}
        />
      )}
      {runner.error instanceof StorageFullError ? (
        <StorageFullNotice />
      ) : (
        (answerFailed || runner.error) && (
          <p class="notice error" role="alert">
            {t.saveFailed}
          </p>
        )
      )}
      {confirmingStop && (
        <div
          class="confirm"
          role="alertdialog"
          aria-labelledby="confirm-stop"
          onClick={(e) => e.stopPropagation()}
        >
          <p id="confirm-stop" class="lead">
            {t.confirmStop}
          </p>
          <div class="button-row">
            <button
              type="button"
              class="secondary"
              ref={keepGoingRef}
              onClick={() => setConfirmingStop(false)}
            >
              {t.confirmStopNo}
            </button>
            <button
              type="button"
              class="primary danger"
              onClick={() => {
                setConfirmingStop(false);
                runner.stop().catch(() => setAnswerFailed(true));
              }}
            >
              {t.confirmStopYes}
            </button>
          </div>
        </div>
      )}
    </main>
  );
}
