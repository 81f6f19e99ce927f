// The Program section of a client's detail: the version they follow now
// (what it is based on, its figures, the favoured cues, unlocks and the
// message) or the standard exercise when none was assigned, the editor
// behind "Change program", and the history of versions with what each
// changed (folded away, so the current version reads on its own). Reads /api/clients/:id/program(/versions) and the protocol
// library; the editor writes a new version.
import type { ProgramDocument } from '@glutewake/core';
import { builtinProtocols } from '@glutewake/core';
import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../account/api.js';
import type { Me } from '../account/types.js';
import { dateTime, shortDate } from './format.js';
import { ProgramEditor } from './ProgramEditor.js';
import {
  changesBetween,
  cueLabel,
  FIGURE_NAMES,
  FIGURES,
  figuresOf,
  figureText,
  UNLOCK_WORDS,
  type LibraryItem,
  type ProgramVersionView,
} from './program-model.js';

interface Loaded {
  current: ProgramVersionView | null;
  versions: ProgramVersionView[];
  library: LibraryItem[];
}

export function exerciseName(id: string): string {
  return builtinProtocols.find((p) => p.id === id)?.name ?? id;
}

export function ProgramPanel({ clientId, me }: { clientId: string; me: Me }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [staff, setStaff] = useState<ReadonlyMap<string, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [said, setSaid] = useState('');
  const base = `/api/clients/${clientId}/program`;

  const load = async (): Promise<Loaded | null> => {
    const [current, versions, library] = await Promise.all([
      apiCall<{ current: ProgramVersionView | null }>('GET', base),
      apiCall<{ versions: ProgramVersionView[] }>('GET', `${base}/versions`),
      apiCall<{ protocols: LibraryItem[] }>('GET', '/api/protocol-library'),
    ]);
    if (!current.ok) return (setProblem(current.message), null);
    if (!versions.ok) return (setProblem(versions.message), null);
    if (!library.ok) return (setProblem(library.message), null);
    const next = {
      current: current.value.current,
      versions: versions.value.versions,
      library: library.value.protocols,
    };
    setLoaded(next);
    return next;
  };
  useEffect(() => {
    void load();
    if (me.role === 'owner') {
      void apiCall<{ staff: { id: string; displayName: string }[] }>('GET', '/api/staff').then(
        (result) => {
          if (result.ok) setStaff(new Map(result.value.staff.map((s) => [s.id, s.displayName])));
        },
      );
    }
  }, [clientId]);

  const who = (accountId: string) =>
    accountId === me.id ? 'you' : (staff.get(accountId) ?? 'a colleague');

  return (
    <section class="card program" aria-labelledby="program-title">
      <h2 id="program-title">Program</h2>
      <p class="program-status" role="status">
        {loaded === null && problem === null ? 'Loading…' : said}
      </p>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
      {loaded && !editing && (
        <>
          <ProgramSummary view={loaded.current} library={loaded.library} who={who} />
          <div>
            <button
              type="button"
              class="primary small"
              onClick={() => {
                setSaid('');
                setEditing(true);
              }}
            >
              Change program
            </button>
          </div>
        </>
      )}
      {loaded && editing && (
        <ProgramEditor
          clientId={clientId}
          current={loaded.current}
          library={loaded.library}
          reload={load}
          onCancel={() => setEditing(false)}
          onSaved={(view) => {
            setEditing(false);
            setSaid(`Saved as version ${view.version}.`);
            void load();
          }}
        />
      )}
      {loaded && loaded.versions.length > 0 && (
        <VersionHistory versions={loaded.versions} who={who} />
      )}
    </section>
  );
}

function basedOnText(program: ProgramDocument, library: readonly LibraryItem[]): string {
  if (program.basedOn.source === 'builtin') return `${program.protocol.name}, as built in`;
  const entry = library.find((item) => item.entryId === program.basedOn.id);
  return `“${entry?.protocol.name ?? program.protocol.name}” from your clinic’s library`;
}

function ProgramSummary(props: {
  view: ProgramVersionView | null;
  library: readonly LibraryItem[];
  who(accountId: string): string;
}) {
  const { view } = props;
  if (view === null) {
    return <p>No program yet: they follow the standard prone ankle squeezes.</p>;
  }
  const program = view.program;
  const figures = figuresOf(program.protocol);
  const unlocks = Object.entries(program.unlocks);
  const cueOf = (id: string) => program.protocol.cues.find((cue) => cue.id === id)?.text ?? id;
  return (
    <div class="program-summary">
      <p>
        <strong>
          Version {view.version}, from {shortDate(view.createdAt)}
        </strong>{' '}
        <span class="hint">by {props.who(view.createdBy)}</span>
      </p>
      <p>Based on {basedOnText(program, props.library)}.</p>
      <dl class="program-figures">
        {FIGURES.map((figure) => {
          const value = figures[figure];
          if (value === null) return null;
          const adjusted = program.adjustments[figure] !== undefined;
          return (
            <div key={figure} class={adjusted ? 'adjusted' : undefined}>
              <dt>{FIGURE_NAMES[figure]}</dt>
              <dd>
                {figureText(figure, value)}
                {adjusted && <span class="hint"> (adjusted)</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      <h3>Favoured cues</h3>
      {program.favouredCues.length === 0 ? (
        <p class="hint">None: the coach chooses as usual.</p>
      ) : (
        <ul class="favoured-cues" aria-label="Favoured cues">
          {program.favouredCues.map((id) => (
            <li key={id}>{cueLabel(cueOf(id))}</li>
          ))}
        </ul>
      )}
      <h3>Next exercises</h3>
      {unlocks.length === 0 ? (
        <p class="hint">All as earned.</p>
      ) : (
        <ul>
          {unlocks.map(([id, unlock]) => (
            <li key={id}>
              {exerciseName(id)}: {UNLOCK_WORDS[unlock]}
            </li>
          ))}
        </ul>
      )}
      <h3>Message to the client</h3>
      {program.message === null ? (
        <p class="hint">No message.</p>
      ) : (
        <blockquote class="program-message">{program.message}</blockquote>
      )}
    </div>
  );
}

function VersionHistory(props: {
  versions: readonly ProgramVersionView[];
  who(accountId: string): string;
}) {
  const { versions } = props;
  return (
    <details class="program-history">
      <summary>
        Version history ({versions.length} {versions.length === 1 ? 'version' : 'versions'})
      </summary>
      <ol class="version-list">
        {versions.map((view, i) => (
          <li key={view.version}>
            <p>
              <strong>Version {view.version}</strong>{' '}
              <span class="hint">
                {dateTime(view.createdAt)}, by {props.who(view.createdBy)}
              </span>
            </p>
            <p class="hint">
              {changesBetween(versions[i + 1]?.program ?? null, view.program, exerciseName).join(
                ' · ',
              )}
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}
