// Settings: hold time, rest between sets, check-in interval, voice, volume
// and spoken counts. Ranges come from the protocol's adjustable limits.
import { useState } from 'preact/hooks';
import { findBuiltinProtocol } from '@glutewake/core';
import { useServices } from '../app.js';
import { messages } from '../messages.js';
import type { Preferences } from '../store/prefs.js';
import { speechRecognitionAvailable } from '../input/voice-answers.js';

const t = messages.settings;

function steps(min: number, max: number, step: number): number[] {
  const values: number[] = [];
  for (let v = min; v <= max; v += step) values.push(v);
  return values;
}

export function Settings() {
  const services = useServices();
  const [prefs, setPrefs] = useState<Preferences>(services.prefs);
  const [saved, setSaved] = useState(false);
  const protocol = findBuiltinProtocol('prone-ankle-squeeze');
  const limits = protocol?.adjustable;
  const voices = services.player.voices();

  const update = (change: Partial<Preferences>) => {
    const next = { ...prefs, ...change };
    setPrefs(next);
    setSaved(false);
    void services.savePrefs(next).then(() => setSaved(true));
  };

  return (
    <main class="screen settings" aria-labelledby="settings-title">
      <a class="nav-link back" href="#/">
        ← {messages.nav.home}
      </a>
      <h1 id="settings-title">{t.title}</h1>
      <form class="card" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t.hold}</span>
          <select
            value={String(prefs.holdMs)}
            onChange={(e) => update({ holdMs: Number((e.target as HTMLSelectElement).value) })}
          >
            {steps(limits?.holdMs.min ?? 1000, limits?.holdMs.max ?? 2000, 500).map((ms) => (
              <option key={ms} value={String(ms)}>
                {t.seconds(ms / 1000)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.rest}</span>
          <select
            value={String(prefs.restBetweenSetsSeconds)}
            onChange={(e) =>
              update({ restBetweenSetsSeconds: Number((e.target as HTMLSelectElement).value) })
            }
          >
            {steps(
              limits?.restBetweenSetsSeconds.min ?? 15,
              limits?.restBetweenSetsSeconds.max ?? 180,
              15,
            ).map((s) => (
              <option key={s} value={String(s)}>
                {t.seconds(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.checkInEvery}</span>
          <select
            value={String(prefs.checkInEveryReps)}
            onChange={(e) =>
              update({ checkInEveryReps: Number((e.target as HTMLSelectElement).value) })
            }
          >
            {steps(limits?.checkInEveryReps.min ?? 5, limits?.checkInEveryReps.max ?? 20, 5).map(
              (n) => (
                <option key={n} value={String(n)}>
                  {t.reps(n)}
                </option>
              ),
            )}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={prefs.voiceEnabled}
            onChange={(e) => update({ voiceEnabled: (e.target as HTMLInputElement).checked })}
          />
          <span>{t.voiceOn}</span>
        </label>
        <label>
          <span>{t.voiceChoice}</span>
          <select
            value={prefs.voiceUri ?? ''}
            disabled={!prefs.voiceEnabled || voices.length === 0}
            onChange={(e) => update({ voiceUri: (e.target as HTMLSelectElement).value || null })}
          >
            <option value="">{t.bestVoice}</option>
            {voices.map((voice) => (
              <option key={voice.uri} value={voice.uri}>{`${voice.name} (${voice.lang})`}</option>
            ))}
          </select>
        </label>
        {voices.length === 0 && <p class="hint">{t.noVoices}</p>}
        <label class="check">
          <input
            type="checkbox"
            checked={prefs.spokenCounts}
            onChange={(e) => update({ spokenCounts: (e.target as HTMLInputElement).checked })}
          />
          <span>{t.counts}</span>
        </label>
        {speechRecognitionAvailable() && (
          <label class="check">
            <input
              type="checkbox"
              checked={prefs.voiceAnswers}
              onChange={(e) => update({ voiceAnswers: (e.target as HTMLInputElement).checked })}
            />
            <span>{t.voiceAnswers}</span>
          </label>
        )}
        <label>
          <span>{t.volume}</span>
          <input
            type="range"
            min="0"
            max="1"
            step="0.1"
            value={String(prefs.volume)}
            onChange={(e) => update({ volume: Number((e.target as HTMLInputElement).value) })}
          />
        </label>
        <p class="hint" role="status">
          {saved ? t.saved : ''}
        </p>
      </form>
    </main>
  );
}
