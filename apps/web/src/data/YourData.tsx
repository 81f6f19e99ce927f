// The "Your data" screen (#/data): export everything as one JSON file,
// import such a file (merged without duplicates, see core's planImport),
// the three CSV tables, and deleting everything after a clear question.
// Loaded lazily, with the schema library it needs to check imports. Each
// outcome is said in one live region beside the button that caused it, and
// only the latest one is shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  buildExport,
  csvTables,
  planImport,
  planPreferences,
  serializeExport,
  toJsonValue,
  type JsonValue,
} from '@glutewake/core';
import { parseExport } from '@glutewake/core/validation';
import { useServices } from '../app.js';
import { isSessionRunning } from '../services.js';
import { today } from '../progress/records.js';
import { disarm } from '../reminders/notify.js';
import { DEFAULT_PREFERENCES } from '../store/prefs.js';
import { applyImport, deleteEverything, readAllLogs, readPreferences } from './device-data.js';
import { programsInFile } from './imported-programs.js';
import { PROGRAMS_KEY } from '../store/programs.js';
import { downloadText, exportFileName, MIME_TYPES } from './files.js';
import { dataMessages as t, importSentence, unsentLines } from './messages.js';
import { unsentOnDevice, type UnsentOnDevice } from '../sync/batches.js';
import './data.css';

type Where = 'export' | 'import' | 'tables' | 'delete';
const TABLES = ['sessions', 'checkins', 'symptoms'] as const;
const PROBLEMS_SHOWN = 5;

interface Said {
  where: Where;
  lines: string[];
  problems?: string[];
}

export function YourData() {
  const services = useServices();
  const [count, setCount] = useState<number | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [unsent, setUnsent] = useState<UnsentOnDevice | 'unknown' | null>(null);
  const [fileSettings, setFileSettings] = useState<Record<string, JsonValue> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);

  const recount = async () => setCount((await services.log.sessions()).length);
  useEffect(() => void recount(), [services]);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);
  const askToDelete = async () => {
    // Said in the question itself: what has not reached a clinic yet.
    setUnsent(await unsentOnDevice(services.db).catch(() => 'unknown' as const));
    setConfirming(true);
  };

  const attempt = async (where: Where, action: () => Promise<Omit<Said, 'where'> | null>) => {
    setSaid(null);
    try {
      const outcome = await action();
      if (outcome) setSaid({ where, ...outcome });
    } catch {
      setSaid({ where, lines: [t.failed] });
    }
  };

  const exportEverything = () =>
    attempt('export', async () => {
      const [logs, preferences] = await Promise.all([
        readAllLogs(services.db),
        readPreferences(services.db),
      ]);
      const name = exportFileName('export', today());
      downloadText(name, serializeExport(buildExport(logs, preferences)), MIME_TYPES.json);
      return { lines: [t.exported(name)] };
    });

  const downloadTable = (table: (typeof TABLES)[number]) =>
    attempt('tables', async () => {
      const tables = csvTables(await readAllLogs(services.db), {
        lookup: services.lookup,
        utcOffsetMinutes: (epochMs) => -new Date(epochMs).getTimezoneOffset(),
      });
      const name = exportFileName(table, today());
      downloadText(name, tables[table], MIME_TYPES.csv);
      return { lines: [t.exported(name)] };
    });

  const importFile = (file: File) =>
    attempt('import', async () => {
      setFileSettings(null);
      const parsed = parseExport(await file.text());
      if (!parsed.ok) {
        const extra = parsed.problems.length - PROBLEMS_SHOWN;
        const problems = parsed.problems.slice(0, PROBLEMS_SHOWN);
        return {
          lines: [t.importRefused],
          problems: extra > 0 ? [...problems, t.moreProblems(extra)] : problems,
        };
      }
      const [logs, stored] = await Promise.all([
        readAllLogs(services.db),
        readPreferences(services.db),
      ]);
      const existing = logs.map((log) => ({ ...log, eventCount: log.events.length }));
      const plan = planImport(existing, parsed.value);
      const device: Record<string, JsonValue> = {};
      for (const [key, value] of Object.entries(stored)) {
        const json = toJsonValue(value);
        if (json !== undefined) device[key] = json;
      }
      // Program versions are merged, never asked about: see store/programs.ts.
      const { [PROGRAMS_KEY]: filePrograms, ...filePreferences } = parsed.value.preferences;
      const { [PROGRAMS_KEY]: _devicePrograms, ...devicePreferences } = device;
      const settings = planPreferences(devicePreferences, filePreferences);
      await applyImport(
        services.db,
        services.lookup,
        plan,
        settings.add,
        programsInFile(filePrograms),
      );
      await services.reloadPrograms();
      const added = Object.keys(settings.add);
      if (added.length > 0) await services.reloadPrefs();
      await recount();
      const lines = [importSentence(plan.counts)];
      if (added.length > 0) lines.push(t.settingsAdded);
      if (settings.differ.length > 0) {
        lines.push(t.settingsDiffer);
        const { preferences } = parsed.value;
        setFileSettings(
          Object.fromEntries(settings.differ.map((key) => [key, preferences[key] as JsonValue])),
        );
      }
      services.notify();
      return { lines };
    });

  const useTheFileSettings = () =>
    attempt('import', async () => {
      if (fileSettings === null) return null;
      await applyImport(
        services.db,
        services.lookup,
        { steps: [], counts: emptyCounts() },
        fileSettings,
      );
      setFileSettings(null);
      await services.reloadPrefs();
      return { lines: [t.fileSettingsUsed] };
    });

  const deleteAll = () =>
    attempt('delete', async () => {
      setConfirming(false);
      if (isSessionRunning(services)) return { lines: [t.busyInSession] };
      await deleteEverything(services.db);
      await services.reloadPrograms();
      disarm();
      services.prefs = { ...DEFAULT_PREFERENCES };
      setFileSettings(null);
      await recount();
      services.notify();
      return { lines: [t.deleted] };
    });

  const saidIn = (where: Where) => {
    const here = said?.where === where ? said : null;
    return (
      <div class="data-status" role="status">
        {here?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {here?.problems && (
          <ul class="problems">
            {here.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  return (
    <main class="screen your-data" aria-labelledby="data-title">
      <a class="nav-link back" href="#/settings">
        ← {t.back}
      </a>
      <h1 id="data-title">{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <p class="data-count">{count === null ? t.loading : t.count(count)}</p>

      <section class="card" aria-labelledby="export-title">
        <h2 id="export-title">{t.exportTitle}</h2>
        <p class="hint">{t.exportHint}</p>
        <button type="button" class="primary big" onClick={() => void exportEverything()}>
          {t.exportButton}
        </button>
        {saidIn('export')}
      </section>

      <section class="card" aria-labelledby="import-title">
        <h2 id="import-title">{t.importTitle}</h2>
        <p class="hint">{t.importHint}</p>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" class="secondary big" onClick={() => fileInput.current?.click()}>
          {t.importButton}
        </button>
        {saidIn('import')}
        {fileSettings && (
          <button type="button" class="secondary" onClick={() => void useTheFileSettings()}>
            {t.useFileSettings}
          </button>
        )}
      </section>

      <section class="card" aria-labelledby="tables-title">
        <h2 id="tables-title">{t.tablesTitle}</h2>
        <p class="hint">{t.tablesHint}</p>
        <div class="button-column">
          {TABLES.map((table) => (
            <button
              key={table}
              type="button"
              class="secondary"
              disabled={count === 0}
              onClick={() => void downloadTable(table)}
            >
              {t.tables[table]}
            </button>
          ))}
        </div>
        {saidIn('tables')}
      </section>

      <section class="card" aria-labelledby="delete-title">
        <h2 id="delete-title">{t.deleteTitle}</h2>
        <p class="hint">{t.deleteHint}</p>
        {!confirming && (
          <button type="button" class="secondary danger" onClick={() => void askToDelete()}>
            {t.deleteButton}
          </button>
        )}
        {confirming && (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete">
            <p id="confirm-delete" class="lead">
              {t.confirmDelete(count ?? 0)}
            </p>
            {unsentLines(unsent).map((line) => (
              <p key={line}>{line}</p>
            ))}
            <p>{t.cannotUndo}</p>
            <div class="button-row">
              <button
                type="button"
                class="secondary"
                ref={keepButton}
                onClick={() => setConfirming(false)}
              >
                {t.keep}
              </button>
              <button type="button" class="primary danger" onClick={() => void deleteAll()}>
                {t.confirmDeleteYes}
              </button>
            </div>
          </div>
        )}
        {saidIn('delete')}
      </section>
    </main>
  );
}

function emptyCounts() {
  return { new: 0, same: 0, extends: 0, 'already-longer': 0, conflict: 0 };
}
