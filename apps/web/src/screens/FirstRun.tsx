// The first-run guide, under a minute: what sleepy glutes are and the safety
// note, the setup with our illustration, a sound check, and how to answer
// without looking. It can be reopened from Home at any time.
import { useState } from 'preact/hooks';
import { findBuiltinProtocol } from '@glutewake/core';
import { navigate, useServices } from '../app.js';
import { messages } from '../messages.js';
import { ProneFigure } from '../illustrations/ProneFigure.js';

const STEPS = 4;
const t = messages.firstRun;

export function FirstRun() {
  const services = useServices();
  const [step, setStep] = useState(1);
  const [heardVoice, setHeardVoice] = useState<boolean | null>(null);
  const protocol = findBuiltinProtocol('prone-ankle-squeeze');

  const finish = async () => {
    await services.savePrefs({ ...services.prefs, firstRunDone: true });
    navigate({ name: 'home' });
  };
  const playTone = async () => {
    await services.player.unlock();
    services.player.toneNow('squeeze');
    setTimeout(() => services.player.toneNow('release'), 700);
  };
  const playVoice = async () => {
    await services.player.unlock();
    const canSpeak = services.player.canSpeak();
    setHeardVoice(canSpeak);
    if (canSpeak) services.player.sayNow(t.voiceSample);
  };

  return (
    <main class="screen guide" aria-labelledby="guide-title">
      <p class="eyebrow">{t.stepOf(step, STEPS)}</p>
      {step === 1 && (
        <section>
          <h1 id="guide-title">{t.whatTitle}</h1>
          {t.what.map((line) => (
            <p key={line} class="lead">
              {line}
            </p>
          ))}
          <p class="safety" role="note">
            {t.safety}
          </p>
        </section>
      )}
      {step === 2 && (
        <section>
          <h1 id="guide-title">{t.setupTitle}</h1>
          <ProneFigure
            highlight="inner-heel"
            title={t.setupFigure}
            calloutLabel={t.figureCallout}
            insetLabel={t.figureInset}
            class="figure"
          />
          <ol class="setup-steps">
            {protocol?.setup.map((s) => (
              <li key={s.id}>{s.text}</li>
            ))}
          </ol>
          <p class="lead">{t.setupNote}</p>
        </section>
      )}
      {step === 3 && (
        <section>
          <h1 id="guide-title">{t.audioTitle}</h1>
          <p class="lead">{t.audioIntro}</p>
          <div class="button-row">
            <button type="button" class="secondary big" onClick={() => void playTone()}>
              {t.playTone}
            </button>
            <button type="button" class="secondary big" onClick={() => void playVoice()}>
              {t.playVoice}
            </button>
          </div>
          {heardVoice === false && (
            <p class="notice" role="status">
              {t.noVoice}
            </p>
          )}
        </section>
      )}
      {step === 4 && (
        <section>
          <h1 id="guide-title">{t.answerTitle}</h1>
          <dl class="answers">
            {t.answers.map(([how, what]) => (
              <div key={how}>
                <dt>{how}</dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <nav class="guide-nav" aria-label="Guide">
        {step > 1 && (
          <button type="button" class="secondary" onClick={() => setStep(step - 1)}>
            {t.back}
          </button>
        )}
        {step < STEPS ? (
          <button type="button" class="primary" onClick={() => setStep(step + 1)}>
            {t.next}
          </button>
        ) : (
          <button type="button" class="primary" onClick={() => void finish()}>
            {t.done}
          </button>
        )}
        {step < STEPS && (
          <button type="button" class="link" onClick={() => void finish()}>
            {t.skip}
          </button>
        )}
      </nav>
    </main>
  );
}
