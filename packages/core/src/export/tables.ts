// The three CSV tables of an export, for people who want their numbers in a
// spreadsheet: sessions.csv (one row per session), checkins.csv (one row per
// check-in or spontaneous report) and symptoms.csv (one row per symptom score
// logged). Every column is documented in docs/data-export.md, in the order
// of the *_COLUMNS lists below. Invariants: rows come oldest session first
// (as in the JSON export), then in log order; each session's numbers are
// folded from its events by the engine; times are local ISO 8601 with the
// UTC offset of that instant, which the caller passes (core reads no zone).
import { foldSession, type ProtocolLookup } from '../engine/apply.js';
import type { SessionEvent } from '../engine/events.js';
import { summarize, type SessionSummary } from '../engine/summary.js';
import type { SessionState } from '../engine/state.js';
import { localDayOf } from '../progress/days.js';
import { SYMPTOMS, type Symptom } from '../vocabulary.js';
import { csvTable, type CsvCell } from './csv.js';
import { compareSessions } from './document.js';

export interface CsvOptions {
  lookup: ProtocolLookup;
  /** The person's UTC offset at an instant, in minutes, east positive (+60 for Paris in winter). */
  utcOffsetMinutes(epochMs: number): number;
}

export interface CsvTables {
  sessions: string;
  checkins: string;
  symptoms: string;
}

/** Column names of symptoms, in CSV: knee, foot, hamstring_cramping, back_stiffness. */
export const SYMPTOM_COLUMNS: Record<Symptom, string> = {
  knee: 'knee',
  foot: 'foot',
  hamstringCramping: 'hamstring_cramping',
  backStiffness: 'back_stiffness',
};

export const SESSION_COLUMNS = [
  'session_id',
  'protocol',
  'protocol_version',
  'program',
  'program_version',
  'date',
  'started_at',
  'ended_at',
  'outcome',
  'duration_seconds',
  'paused_seconds',
  'time_under_tension_seconds',
  'wake_up_reps',
  'left_fired_at_rep',
  'right_fired_at_rep',
  'both_fired_at_rep',
  'sets',
  'set_reps',
  'work_reps',
  'balances',
  'sides',
  'check_ins',
  // SYMPTOM_COLUMNS, in SYMPTOMS order; written out so the list stays a pure constant.
  'knee',
  'foot',
  'hamstring_cramping',
  'back_stiffness',
  'note',
  'events',
  'ignored_events',
] as const;

export const CHECKIN_COLUMNS = [
  'session_id',
  'date',
  'at',
  'kind',
  'phase',
  'set',
  'rep',
  'reason',
  'answered',
  'felt',
  'balance',
  'cues',
] as const;

export const SYMPTOM_ROW_COLUMNS = ['session_id', 'date', 'logged_at', 'symptom', 'score'] as const;

interface Folded {
  sessionId: string;
  events: readonly SessionEvent[];
  state: SessionState;
  summary: SessionSummary;
  startedAt: number;
}

/** The rows of the three tables, without headers: for callers that add columns of their own. */
export interface CsvRows {
  sessions: CsvCell[][];
  checkins: CsvCell[][];
  symptoms: CsvCell[][];
}

export function csvTables(
  sessions: readonly { sessionId: string; events: readonly SessionEvent[] }[],
  options: CsvOptions,
): CsvTables {
  const rows = csvRows(sessions, options);
  return {
    sessions: csvTable(SESSION_COLUMNS, rows.sessions),
    checkins: csvTable(CHECKIN_COLUMNS, rows.checkins),
    symptoms: csvTable(SYMPTOM_ROW_COLUMNS, rows.symptoms),
  };
}

/** The rows csvTables writes, in its order; cells in the order of the *_COLUMNS lists. */
export function csvRows(
  sessions: readonly { sessionId: string; events: readonly SessionEvent[] }[],
  options: CsvOptions,
): CsvRows {
  const folded: Folded[] = [...sessions].sort(compareSessions).map((session) => {
    const state = foldSession(options.lookup, session.events);
    return {
      sessionId: session.sessionId,
      events: session.events,
      state,
      summary: summarize(state),
      startedAt: state.startedAt ?? session.events[0]?.at ?? 0,
    };
  });
  const time = (at: number | null) => (at === null ? null : localIso(at, options));
  const date = (at: number) => localDayOf(at, options.utcOffsetMinutes(at));
  return {
    sessions: folded.map((session) => sessionRow(session, time, date)),
    checkins: folded.flatMap((session) => checkInRows(session, time, date)),
    symptoms: folded.flatMap((session) => symptomRows(session, time, date)),
  };
}

type Time = (at: number | null) => string | null;
type Day = (at: number) => string;

function sessionRow({ sessionId, events, summary, startedAt }: Folded, time: Time, day: Day) {
  const { wakeUp, work } = summary;
  const row: CsvCell[] = [
    sessionId,
    summary.protocol?.id ?? startedEvent(events)?.protocol.id ?? null,
    summary.protocol?.version ?? startedEvent(events)?.protocol.version ?? null,
    summary.program?.id ?? null,
    summary.program?.version ?? null,
    day(startedAt),
    time(startedAt),
    time(summary.endedAt),
    summary.outcome,
    summary.durationSeconds,
    summary.pausedSeconds,
    summary.timeUnderTensionSeconds,
    wakeUp.reps,
    wakeUp.leftFiredAtRep,
    wakeUp.rightFiredAtRep,
    wakeUp.bothFiredAtRep,
    work.sets.length,
    list(work.sets.map(String)),
    work.sets.reduce((sum, reps) => sum + reps, 0),
    list(work.balance.map((balance) => balance ?? 'unknown')),
    list(work.sides.flatMap((side) => (side === null ? [] : [side]))),
    summary.checkIns.length,
    ...SYMPTOMS.map((symptom) => summary.symptoms?.[symptom] ?? null),
    summary.note,
    events.length,
    summary.ignoredEvents,
  ];
  return row;
}

function checkInRows({ sessionId, state, startedAt }: Folded, time: Time, day: Day) {
  const rows: { at: number; cells: CsvCell[] }[] = [];
  const date = day(startedAt);
  for (const checkIn of state.checkIns) {
    rows.push({
      at: checkIn.askedAt,
      cells: [
        sessionId,
        date,
        time(checkIn.askedAt),
        'check-in',
        checkIn.phase,
        checkIn.set,
        checkIn.rep,
        checkIn.reason,
        checkIn.regions === null ? 'no' : 'yes',
        list(checkIn.regions ?? []),
        checkIn.balance,
        list(checkIn.cues.map((cue) => cue.cueId)),
      ],
    });
  }
  for (const report of state.reports) {
    if (report.source !== 'spontaneous') continue;
    rows.push({
      at: report.at,
      cells: [
        sessionId,
        date,
        time(report.at),
        'spontaneous',
        report.phase,
        report.set,
        report.rep,
        null,
        'yes',
        list(report.regions),
        report.balance,
        list(report.cues.map((cue) => cue.cueId)),
      ],
    });
  }
  // Stable: a check-in and a report at the same instant keep check-in first.
  return rows.sort((a, b) => a.at - b.at).map((row) => row.cells);
}

function symptomRows({ sessionId, events, startedAt }: Folded, time: Time, day: Day) {
  const date = day(startedAt);
  return events.flatMap((event) => {
    if (event.type !== 'symptoms.logged') return [];
    return SYMPTOMS.flatMap((symptom): CsvCell[][] => {
      const score = event.symptoms[symptom];
      return score === undefined
        ? []
        : [[sessionId, date, time(event.at), SYMPTOM_COLUMNS[symptom], score]];
    });
  });
}

function startedEvent(events: readonly SessionEvent[]) {
  const first = events[0];
  return first?.type === 'session.started' ? first : null;
}

/** Several values in one cell, separated by spaces: "20 20 20", "left right". */
function list(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join(' ');
}

/** "2026-01-05T08:30:00+01:00": the local time to the second, with its UTC offset. */
export function localIso(epochMs: number, options: Pick<CsvOptions, 'utcOffsetMinutes'>): string {
  const offset = options.utcOffsetMinutes(epochMs);
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offset * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}` +
    `T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}
