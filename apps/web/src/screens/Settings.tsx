// Settings: hold time, rest between sets, check-in interval, voice, volume
// and spoken counts. Ranges come from the protocol's adjustable limits.
import { useState } from 'preact/hooks';
import { findBuiltinProtocol } from '@glutewake/core';
import { useServices } from '../app.js';
import { messages } from '../messages.js';
import type { Preferences } from '../store/prefs.js';
import { speechRecognitionAvailable } from '../input/voice-answers.js';
import { dataLink } from '../data/link.js';
import { accountLink, portalLink } from '../account/link.js';
import { remindersLink } from '../reminders/link.js';

const t = messages.settings;

/** A labelled drop-down of whole-number choices. */
function NumberChoice(props: {
  label: string;
  value: number;
  values: readonly number[];
  describe(value: number): string;
  onChange(value: number): void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select
        value={String(props.value)}
        onChange={(e) => props.onChange(Number((e.target as HTMLSelectElement).value))}
      >
        {props.values.map((value) => (
          <option key={value} value={String(value)}>
            {props.describe(value)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled on/off setting. */
function Toggle(props: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

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
        <NumberChoice
          label={t.hold}
          value={prefs.holdMs}
          values={steps(limits?.holdMs.min ?? 1000, limits?.holdMs.max ?? 2000, 500)}
          describe={(ms) => t.seconds(ms / 1000)}
          onChange={(holdMs) => update({ holdMs })}
        />
        <NumberChoice
          label={t.rest}
          value={prefs.restBetweenSetsSeconds}
          values={steps(
            limits?.restBetweenSetsSeconds.min ?? 15,
            limits?.restBetweenSetsSeconds.max ?? 180,
            15,
          )}
          describe={t.seconds}
          onChange={(restBetweenSetsSeconds) => update({ restBetweenSetsSeconds })}
        />
        <NumberChoice
          label={t.checkInEvery}
          value={prefs.checkInEveryReps}
          values={steps(limits?.checkInEveryReps.min ?? 5, limits?.checkInEveryReps.max ?? 20, 5)}
          describe={t.reps}
          onChange={(checkInEveryReps) => update({ checkInEveryReps })}
        />
        <Toggle
          label={t.voiceOn}
          checked={prefs.voiceEnabled}
          onChange={(voiceEnabled) => update({ voiceEnabled })}
        />
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
        <Toggle
          label={t.counts}
          checked={prefs.spokenCounts}
          onChange={(spokenCounts) => update({ spokenCounts })}
        />
        {speechRecognitionAvailable() && (
          <Toggle
            label={t.voiceAnswers}
            checked={prefs.voiceAnswers}
            onChange={(voiceAnswers) => update({ voiceAnswers })}
          />
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
      <div class="card">
        <ul class="plain">
          {[remindersLink, dataLink, accountLink, portalLink].map((link) => (
            <li key={link.href}>
              <a class="nav-link" href={link.href}>
                {link.label}
              </a>
              <p class="hint">{link.detail}</p>
            </li>
          ))}
        </ul>
      </div>
    </main>
  );
}
