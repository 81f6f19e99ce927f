// The editor of a client's program, inline in the Program section: what it
// is based on, the six figures (each with its protocol's default), the cues
// to favour, the other exercises of the ladder (as earned, open early, hold
// back) and a message. Core checks the new version before it is sent, and
// the server's problems come back to the same fields. When someone else
// saved a newer version meanwhile (409 program_changed), the newer version
// is loaded and the therapist's edits stay for another try.
import { builtinProtocols } from '@glutewake/core';
import { useState } from 'preact/hooks';
import { apiCall } from '../account/api.js';
import { Problems } from './FieldProblems.js';
import {
  baseFromKey,
  baseKey,
  bodyOf,
  checkProgram,
  cueLabel,
  FIGURE_LABELS,
  FIGURES,
  figuresOf,
  formFrom,
  itemOf,
  problemCount,
  problemsByField,
  typedOf,
  withBase,
  type FieldProblems,
  type Figure,
  type LibraryItem,
  type ProgramForm,
  type ProgramVersionView,
  type Unlock,
} from './program-model.js';

const UNLOCK_CHOICES: { value: Unlock | 'earned'; label: string }[] = [
  { value: 'earned', label: 'As earned' },
  { value: 'early', label: 'Open early' },
  { value: 'held', label: 'Hold back' },
];

const FIGURE_STEPS: Record<Figure, number> = {
  holdMs: 0.5,
  restBetweenSetsSeconds: 5,
  checkInEveryReps: 1,
  wakeUpCapReps: 1,
  sets: 1,
  repsPerSet: 1,
};

export function ProgramEditor(props: {
  clientId: string;
  current: ProgramVersionView | null;
  library: readonly LibraryItem[];
  reload(): Promise<{ current: ProgramVersionView | null } | null>;
  onSaved(view: ProgramVersionView): void;
  onCancel(): void;
}) {
  const [form, setForm] = useState<ProgramForm>(() =>
    formFrom(props.current?.program ?? null, props.library),
  );
  const [expectedVersion, setExpectedVersion] = useState(props.current?.version ?? 0);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const item = itemOf(form.base, props.library);
  const protocol = item?.protocol ?? null;
  const defaults = protocol ? figuresOf(protocol) : null;

  const update = (next: Partial<ProgramForm>) => setForm({ ...form, ...next });
  const save = async () => {
    if (item === null || protocol === null) {
      return setProblems({ base: ['Please choose what the program is based on.'] });
    }
    const found = checkProgram(form, item);
    setProblems(found);
    if (problemCount(found) > 0) return focusFirstProblem();
    setSaving(true);
    const result = await apiCall<ProgramVersionView>(
      'POST',
      `/api/clients/${props.clientId}/program`,
      bodyOf(form, protocol, expectedVersion),
    );
    setSaving(false);
    if (result.ok) return props.onSaved(result.value);
    if (result.code === 'program_changed') {
      const reloaded = await props.reload();
      const newer = reloaded?.current ?? null;
      setExpectedVersion(newer?.version ?? 0);
      setConflict(
        `Someone else saved a newer version${newer ? ` (version ${newer.version})` : ''} while you were editing. Your changes are still here; saving again makes them the next version (the history under this section says what the other one changed).`,
      );
      return;
    }
    if (result.code === 'invalid_program' && Array.isArray(result.details.problems)) {
      setProblems(problemsByField(result.details.problems as string[]));
      return focusFirstProblem();
    }
    setProblems({ general: [result.message] });
  };

  const others = builtinProtocols.filter((p) => p.id !== protocol?.id);
  const builtins = props.library.filter((i) => i.source === 'builtin');
  const entries = props.library.filter((i) => i.source === 'library');
  return (
    <form
      class="program-editor"
      aria-labelledby="program-editor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="program-editor-title">Change program</h3>
      {conflict && (
        <p class="notice error" role="alert">
          {conflict}
        </p>
      )}
      <Problems id="problems-general" list={problems.general} />
      <label class="field">
        <span>Based on</span>
        <select
          value={baseKey(form.base)}
          aria-describedby={problems.base ? 'problems-base' : undefined}
          onChange={(e) => {
            const base = baseFromKey(e.currentTarget.value);
            const chosen = itemOf(base, props.library);
            if (chosen) setForm(withBase(form, base, chosen.protocol));
          }}
        >
          <optgroup label="Built in">
            {builtins.map((i) => (
              <option key={i.basedOn} value={baseKey({ source: 'builtin', protocolId: i.basedOn })}>
                {i.protocol.name}
              </option>
            ))}
          </optgroup>
          {entries.length > 0 && (
            <optgroup label="Your clinic’s library">
              {entries.map((i) => (
                <option
                  key={i.entryId}
                  value={baseKey({ source: 'library', entryId: i.entryId ?? '' })}
                >
                  {i.protocol.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <Problems id="problems-base" list={problems.base} />

      <fieldset class="program-figures-edit">
        <legend>Figures</legend>
        <div class="figure-grid">
          {FIGURES.map((figure) =>
            defaults === null || defaults[figure] === null ? null : (
              <FigureField
                key={figure}
                figure={figure}
                value={form.figures[figure]}
                standard={typedOf(figure, defaults[figure])}
                problems={problems[figure]}
                onInput={(value) => update({ figures: { ...form.figures, [figure]: value } })}
              />
            ),
          )}
        </div>
      </fieldset>

      {protocol && (
        <fieldset aria-describedby={problems.favouredCues ? 'problems-favouredCues' : undefined}>
          <legend>Cues to favour</legend>
          <p class="hint">The coach says these first when they fit what the client reports.</p>
          <ul class="cue-choices">
            {protocol.cues.map((cue) => (
              <li key={cue.id}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={form.favouredCues.includes(cue.id)}
                    onChange={(e) =>
                      update({
                        favouredCues: e.currentTarget.checked
                          ? [...form.favouredCues, cue.id]
                          : form.favouredCues.filter((id) => id !== cue.id),
                      })
                    }
                  />
                  <span>{cueLabel(cue.text)}</span>
                </label>
              </li>
            ))}
          </ul>
          <Problems id="problems-favouredCues" list={problems.favouredCues} />
        </fieldset>
      )}

      <fieldset>
        <legend>Other exercises</legend>
        <div class="unlock-grid">
          {others.map((exercise) => (
            <fieldset key={exercise.id} class="unlock-choice">
              <legend>{exercise.name}</legend>
              {UNLOCK_CHOICES.map((choice) => (
                <label key={choice.value} class="radio">
                  <input
                    type="radio"
                    name={`unlock-${exercise.id}`}
                    value={choice.value}
                    checked={(form.unlocks[exercise.id] ?? 'earned') === choice.value}
                    onChange={() => {
                      const unlocks = { ...form.unlocks };
                      if (choice.value === 'earned') delete unlocks[exercise.id];
                      else unlocks[exercise.id] = choice.value;
                      update({ unlocks });
                    }}
                  />
                  <span>{choice.label}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <Problems id="problems-unlocks" list={problems.unlocks} />
      </fieldset>

      <label class="field">
        <span>Message to your client</span>
        <textarea
          rows={3}
          value={form.message}
          aria-invalid={problems.message ? true : undefined}
          aria-describedby="message-hint problems-message"
          onInput={(e) => update({ message: e.currentTarget.value })}
        />
      </label>
      <p class="hint" id="message-hint">
        Shown on their home screen. Up to 280 characters ({form.message.trim().length} so far).
      </p>
      <Problems id="problems-message" list={problems.message} />

      <div class="button-row editor-actions">
        <button type="submit" class="primary small" disabled={saving}>
          Save as new version
        </button>
        <button type="button" class="secondary small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function FigureField(props: {
  figure: Figure;
  value: string;
  standard: string;
  problems: string[] | undefined;
  onInput(value: string): void;
}) {
  const id = `figure-${props.figure}`;
  return (
    <div class="field">
      <label for={id}>{FIGURE_LABELS[props.figure]}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={FIGURE_STEPS[props.figure]}
        value={props.value}
        aria-invalid={props.problems ? true : undefined}
        aria-describedby={`${id}-default problems-${props.figure}`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <span class="hint" id={`${id}-default`}>
        Default: {props.standard}
        {props.figure === 'holdMs' || props.figure === 'restBetweenSetsSeconds' ? ' s' : ''}
      </span>
      <Problems id={`problems-${props.figure}`} list={props.problems} />
    </div>
  );
}

function focusFirstProblem(): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('.program-editor [aria-invalid="true"]')?.focus();
  });
}
