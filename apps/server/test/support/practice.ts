// A client who has been practising, for the export tests: days of prone
// ankle squeezes written as the domain describes them ("8:thighs
// 20:hamstrings 30:left 36:both/even"), played by core's simulator, with
// symptom scores and notes after some sessions and a program version from
// the therapist partway through, all synced through the storage interface
// as a device would push them. Invariants: every session is a real
// simulated log that passes core's event schema; the returned logs are what
// was pushed, so tests can count what the exports should hold.
import {
  findBuiltinProtocol,
  parseScript,
  simulateSession,
  type Protocol,
  type SessionEvent,
  type SessionSummary,
  type SymptomScores,
} from '@glutewake/core';
import { buildProgram } from '@glutewake/core/validation';
import { programRefOf } from '../../src/sync/program-lookup.js';
import type { Account, ProgramVersion, Storage } from '../../src/storage/types.js';
import { TEST_START } from './clock.js';
import { FakeDevice, newSessionId } from './sync.js';

const DAY_MS = 86_400_000;

export interface PracticeDay {
  script: string;
  symptoms?: SymptomScores;
  note?: string;
}

/** A week in the domain’s words: the glutes wake up sooner as the days go by. */
export const A_WEEK_OF_PRACTICE: readonly PracticeDay[] = [
  {
    script: '10:thighs 20:hamstrings 30:thighs 40:left 50:none 60:none',
    symptoms: { knee: 6, backStiffness: 5 },
  },
  {
    script:
      '10:thighs 20:hamstrings 30:left 40:both/left-stronger s1:both/left-stronger s2:both/even s3:both/even',
    symptoms: { knee: 5, foot: 2, backStiffness: 4 },
    note: 'Pillow slipped; used a cushion.',
  },
  { script: '10:hamstrings 20:left 25:both s1:both/even s2:silent s3:both/even' },
  { script: '10:thighs 15:stop', note: '=cmd|/C calc!A0 (a note that looks like a formula)' },
  {
    script: '10:left 18:both s1:both/right-stronger s2:both/even s3:both/even',
    symptoms: { knee: 3, hamstringCramping: 2 },
  },
  {
    script: '8:both s1:both/even s2:both/even s3:both/even',
    symptoms: { knee: 2, foot: 0, hamstringCramping: 1, backStiffness: 1 },
    note: 'Felt both sides early, "finally".',
  },
  { script: '6:both s1:both/even s2:both/even s3:both/even' },
];

export interface Practice {
  logs: { sessionId: string; events: SessionEvent[]; startAt: number; summary: SessionSummary }[];
  programVersion: ProgramVersion;
}

function practiceLog(
  day: PracticeDay,
  startAt: number,
  client: Account,
  program: { version: ProgramVersion; protocol: Protocol } | null,
) {
  const builtin = findBuiltinProtocol('prone-ankle-squeeze');
  const script = parseScript(day.script);
  if (builtin === null || !script.ok) throw new Error(`a practice day is broken: ${day.script}`);
  const sessionId = newSessionId();
  const simulation = simulateSession({
    protocol: program?.protocol ?? builtin,
    script: script.actions,
    sessionId,
    startAt,
    settings: { timescale: 0.01 },
    ...(program === null ? {} : { program: programRefOf(client.id, program.version.version) }),
  });
  const events: SessionEvent[] = [...simulation.events];
  if (day.symptoms !== undefined || day.note !== undefined) {
    events.push({
      type: 'symptoms.logged',
      at: (events.at(-1)?.at ?? startAt) + 1000,
      symptoms: day.symptoms ?? {},
      ...(day.note === undefined ? {} : { note: day.note }),
    });
  }
  // The simulator's own summary is the tests' oracle (it folds as it plays, apart from the server).
  return { sessionId, events, startAt, summary: simulation.summary };
}

/** The therapist's program: the built-in squeezes with a longer hold and a friendlier name. */
function gentleProgram() {
  const base = findBuiltinProtocol('prone-ankle-squeeze');
  if (base === null) throw new Error('the built-in protocol is missing');
  const built = buildProgram({
    basedOn: { source: 'builtin', id: base.id, revision: base.version },
    base: { ...base, name: 'Ankle squeezes, gentle' },
    adjustments: { holdMs: 1500 },
    favouredCues: [],
    unlocks: {},
    message: null,
  });
  if (!built.ok) throw new Error(`the fixture program is broken: ${JSON.stringify(built)}`);
  return built.value;
}

/**
 * Syncs the days (one a day from TEST_START) for a client; the therapist
 * assigns program version 1 before the day numbered `programFromDay`.
 */
export async function syncPractice(
  storage: Storage,
  client: Account,
  therapist: Account,
  days: readonly PracticeDay[] = A_WEEK_OF_PRACTICE,
  programFromDay = 3,
): Promise<Practice> {
  const device = new FakeDevice();
  const logs: Practice['logs'] = [];
  let program: { version: ProgramVersion; protocol: Protocol } | null = null;
  for (const [index, day] of days.entries()) {
    const startAt = TEST_START + index * DAY_MS;
    if (index === programFromDay) {
      const document = gentleProgram();
      const version = await storage.sync.createProgramVersion({
        clinicId: client.clinicId,
        clientId: client.id,
        protocol: document,
        createdAt: startAt - 3_600_000,
        createdBy: therapist.id,
      });
      program = { version, protocol: document.protocol };
    }
    const log = practiceLog(day, startAt, client, program);
    const batch = device.batchFor(client, device.record(log.sessionId, log.events));
    const result = await storage.sync.push(batch, startAt + DAY_MS / 2);
    if (result.kind !== 'acknowledged' || result.acknowledgement.quarantined.length > 0) {
      throw new Error(`a practice session was not accepted: ${JSON.stringify(result)}`);
    }
    logs.push(log);
  }
  const programVersion = program?.version ?? null;
  if (programVersion === null) throw new Error('programFromDay must fall within the days');
  return { logs, programVersion };
}
