// The Protocols page of the portal (#/portal/protocols), for the owner and
// therapists alike: the built-in protocols, each of which can be copied into
// the clinic's library under a name, and the library's own entries, each
// editable (name, purpose, tempo, each phase's figures, cue texts) or
// removable after a second click that says what removing means. An edit
// is checked with core's protocol schema before it is sent and by the server
// after; problems show by their field. When someone else saved the entry
// first (409 protocol_changed), the newer entry is loaded and the edits stay
// for another try.
import type { Protocol } from '@glutewake/core';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../account/api.js';
import { dateTime } from './format.js';
import type { LibraryItem } from './program-model.js';
import { Problems } from './FieldProblems.js';
import {
  checkProtocolForm,
  PHASE_FIELDS,
  placeProtocolProblems,
  problemTotal,
  protocolFormOf,
  TEMPO_FIELDS,
  TEMPO_LABELS,
  type ProtocolForm,
  type ProtocolProblems,
} from './protocol-edit-model.js';

export function Protocols() {
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const load = async (): Promise<LibraryItem[] | null> => {
    const result = await apiCall<{ protocols: LibraryItem[] }>('GET', '/api/protocol-library');
    if (!result.ok) return (setProblem(result.message), null);
    setItems(result.value.protocols);
    return result.value.protocols;
  };
  useEffect(() => void load(), []);

  const builtins = (items ?? []).filter((item) => item.source === 'builtin');
  const entries = (items ?? []).filter((item) => item.source === 'library');
  return (
    <main class="portal-main protocols" aria-labelledby="protocols-title">
      <h1 id="protocols-title">Protocols</h1>
      <p class="hint">
        The exercises you can assign. Copy a built-in one into your clinic’s library to change its
        figures or words; the built-in ones stay as they are.
      </p>
      <p role="status" class="program-status">
        {items === null && problem === null ? 'Loading…' : said}
      </p>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
      {items && (
        <>
          <section class="card" aria-labelledby="library-title">
            <h2 id="library-title">Your clinic’s library</h2>
            {entries.length === 0 ? (
              <p class="hint">Nothing here yet. Copy a built-in protocol below to start.</p>
            ) : (
              <ul class="protocol-list">
                {entries.map((item) => (
                  <li key={item.entryId}>
                    {editing === item.entryId ? (
                      <ProtocolEditor
                        item={item}
                        reload={load}
                        onCancel={() => setEditing(null)}
                        onSaved={(saved) => {
                          setEditing(null);
                          setSaid(`Saved “${saved.protocol.name}”, revision ${saved.revision}.`);
                          void load();
                        }}
                      />
                    ) : (
                      <ProtocolCard item={item}>
                        <div class="entry-actions">
                          <button
                            type="button"
                            class="secondary small"
                            aria-label={`Edit ${item.protocol.name}`}
                            onClick={() => {
                              setSaid('');
                              setEditing(item.entryId);
                            }}
                          >
                            Edit
                          </button>
                          <RemoveEntry
                            item={item}
                            onRemoved={() => {
                              setSaid(`“${item.protocol.name}” is out of your library.`);
                              void load();
                            }}
                          />
                        </div>
                      </ProtocolCard>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="builtin-title">
            <h2 id="builtin-title">Built-in protocols</h2>
            <ul class="protocol-list">
              {builtins.map((item) => (
                <li key={item.basedOn}>
                  <ProtocolCard item={item}>
                    <CopyForm
                      item={item}
                      onCopied={(copy) => {
                        setSaid(`“${copy.protocol.name}” is now in your library.`);
                        void load();
                      }}
                    />
                  </ProtocolCard>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  );
}

function ProtocolCard(props: { item: LibraryItem; children: ComponentChildren }) {
  const { protocol } = props.item;
  return (
    <article class="protocol-card" aria-label={protocol.name}>
      <h3>{protocol.name}</h3>
      <p>{protocol.purpose}</p>
      <p class="hint">{outline(protocol)}</p>
      {props.item.source === 'library' && props.item.updatedAt !== null && (
        <p class="hint">
          Revision {props.item.revision}, changed {dateTime(props.item.updatedAt)}
        </p>
      )}
      {props.children}
    </article>
  );
}

/** Removing an entry asks once more, and says that programs made from it keep their copy. */
function RemoveEntry(props: { item: LibraryItem; onRemoved(): void }) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { name } = props.item.protocol;
  const remove = async () => {
    const result = await apiCall('DELETE', `/api/protocol-library/${props.item.entryId}`);
    if (result.ok) props.onRemoved();
    else setProblem(result.message);
  };
  if (!asking) {
    return (
      <button
        type="button"
        class="secondary danger small"
        aria-label={`Remove ${name}`}
        onClick={() => setAsking(true)}
      >
        Remove
      </button>
    );
  }
  return (
    <div class="confirm-remove" role="group" aria-label={`Remove ${name}?`}>
      <p>
        Remove “{name}” from your library? Clients whose program was made from it keep their program
        as it is.
      </p>
      <div class="button-row">
        <button type="button" class="primary danger small" onClick={() => void remove()}>
          Yes, remove it
        </button>
        <button type="button" class="secondary small" onClick={() => setAsking(false)}>
          Keep it
        </button>
      </div>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function outline(protocol: Protocol): string {
  const parts = [`Hold ${protocol.tempo.holdMs / 1000} s`];
  for (const phase of protocol.phases) {
    parts.push(
      phase.kind === 'wake-up'
        ? `${phase.name}: check in every ${phase.checkInEveryReps} reps, up to ${phase.capReps}`
        : `${phase.name}: ${phase.sets} × ${phase.repsPerSet}, ${phase.restBetweenSetsSeconds} s rest`,
    );
  }
  return parts.join(' · ');
}

function CopyForm(props: { item: LibraryItem; onCopied(copy: LibraryItem): void }) {
  const [name, setName] = useState(`${props.item.protocol.name} (our version)`);
  const [problems, setProblems] = useState<string[] | undefined>(undefined);
  const id = `copy-name-${props.item.basedOn}`;
  const copy = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return setProblems(['Please give the copy a name.']);
    const result = await apiCall<LibraryItem>('POST', '/api/protocol-library', {
      copyOf: props.item.basedOn,
      name: trimmed,
    });
    if (!result.ok) {
      const listed = result.details.problems;
      return setProblems(Array.isArray(listed) ? (listed as string[]) : [result.message]);
    }
    setProblems(undefined);
    setName(`${props.item.protocol.name} (our version)`);
    props.onCopied(result.value);
  };
  return (
    <form
      class="copy-form"
      onSubmit={(e) => {
        e.preventDefault();
        void copy();
      }}
    >
      <div class="field">
        <label for={id}>Name of the copy</label>
        <input
          id={id}
          value={name}
          maxLength={80}
          aria-invalid={problems ? true : undefined}
          aria-describedby={`${id}-problems`}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <Problems id={`${id}-problems`} list={problems} />
      </div>
      <button type="submit" class="primary small">
        Copy into your library
      </button>
    </form>
  );
}

function ProtocolEditor(props: {
  item: LibraryItem;
  reload(): Promise<LibraryItem[] | null>;
  onSaved(item: LibraryItem): void;
  onCancel(): void;
}) {
  const [base, setBase] = useState(props.item);
  const [form, setForm] = useState<ProtocolForm>(() => protocolFormOf(props.item.protocol));
  const [problems, setProblems] = useState<ProtocolProblems>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const protocol = base.protocol;
  const save = async () => {
    const checked = checkProtocolForm(protocol, form);
    if (!checked.ok) {
      setProblems(checked.problems);
      return focusFirstInvalid();
    }
    setProblems({});
    const result = await apiCall<LibraryItem>(
      'PUT',
      `/api/protocol-library/${base.entryId ?? ''}`,
      { expectedRevision: base.revision, protocol: checked.value },
    );
    if (result.ok) return props.onSaved(result.value);
    if (result.code === 'protocol_changed') {
      const newer = (await props.reload())?.find((i) => i.entryId === base.entryId);
      if (newer) setBase(newer);
      setConflict(
        `Someone else saved a newer revision${newer ? ` (revision ${newer.revision})` : ''} of this protocol while you were editing. Your changes are still here: check them and save again.`,
      );
      return;
    }
    const listed = result.details.problems;
    setProblems(
      result.code === 'invalid_protocol' && Array.isArray(listed)
        ? placeProtocolProblems(protocol, listed as string[])
        : { general: [result.message] },
    );
    focusFirstInvalid();
  };
  const invalid = (key: string) => (problems[key] ? true : undefined);
  const text = (
    key: string,
    label: string,
    value: string,
    onInput: (v: string) => void,
    long = false,
  ) => {
    const id = `edit-${key.replace(/\W/g, '-')}`;
    const Input = long ? 'textarea' : 'input';
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <Input
          id={id}
          rows={long ? 3 : undefined}
          value={value}
          aria-invalid={invalid(key)}
          aria-describedby={`${id}-problems`}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <Problems id={`${id}-problems`} list={problems[key]} />
      </div>
    );
  };
  const number = (
    key: string,
    label: string,
    value: string,
    step: number,
    onInput: (v: string) => void,
  ) => {
    const id = `edit-${key.replace(/\W/g, '-')}`;
    return (
      <div class="field" key={key}>
        <label for={id}>{label}</label>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={step}
          value={value}
          aria-invalid={invalid(key)}
          aria-describedby={`${id}-problems`}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <Problems id={`${id}-problems`} list={problems[key]} />
      </div>
    );
  };
  return (
    <form
      class="program-editor protocol-editor"
      aria-labelledby="protocol-editor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="protocol-editor-title">Edit {props.item.protocol.name}</h3>
      {conflict && (
        <p class="notice error" role="alert">
          {conflict}
        </p>
      )}
      {problemTotal(problems) > 0 && (
        <p class="notice error" role="alert">
          Please check the {problemTotal(problems) === 1 ? 'field' : 'fields'} marked below.
        </p>
      )}
      <Problems id="protocol-problems-general" list={problems.general} />
      {text('name', 'Name', form.name, (name) => setForm({ ...form, name }))}
      {text('purpose', 'Purpose', form.purpose, (purpose) => setForm({ ...form, purpose }), true)}
      <fieldset>
        <legend>Tempo of one rep</legend>
        <div class="figure-grid">
          {TEMPO_FIELDS.map((field) =>
            number(`tempo.${field}`, TEMPO_LABELS[field], form.tempo[field], 0.1, (value) =>
              setForm({ ...form, tempo: { ...form.tempo, [field]: value } }),
            ),
          )}
        </div>
      </fieldset>
      {protocol.phases.map((phase, index) => (
        <fieldset key={phase.kind}>
          <legend>{phase.name}</legend>
          <div class="figure-grid">
            {PHASE_FIELDS[phase.kind].map(([field, label]) =>
              number(
                `phases.${index}.${field}`,
                label,
                form.phases[index]?.[field] ?? '',
                1,
                (value) =>
                  setForm({
                    ...form,
                    phases: form.phases.map((typed, i) =>
                      i === index ? { ...typed, [field]: value } : typed,
                    ),
                  }),
              ),
            )}
          </div>
        </fieldset>
      ))}
      <fieldset>
        <legend>Cue texts</legend>
        <p class="hint">
          Words in braces, such as {'{sleepySide}'}, are filled in by the coach; keep them as they
          are.
        </p>
        {protocol.cues.map((cue, index) => {
          const key = `cues.${cue.id}`;
          const id = `edit-cue-${cue.id}`;
          return (
            <div class="field" key={cue.id}>
              <label for={id}>Cue {index + 1}</label>
              <textarea
                id={id}
                rows={2}
                value={form.cues[cue.id] ?? ''}
                aria-invalid={invalid(key)}
                aria-describedby={`${id}-problems`}
                onInput={(e) =>
                  setForm({ ...form, cues: { ...form.cues, [cue.id]: e.currentTarget.value } })
                }
              />
              <Problems id={`${id}-problems`} list={problems[key]} />
            </div>
          );
        })}
      </fieldset>
      <div class="button-row editor-actions">
        <button type="submit" class="primary small">
          Save changes
        </button>
        <button type="button" class="secondary small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function focusFirstInvalid(): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('.protocol-editor [aria-invalid="true"]')?.focus();
  });
}
