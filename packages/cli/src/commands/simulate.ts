// `glutewake simulate <id|file.json> --felt "<rep>:<regions> ..." [--json] [--timeline]`:
// runs a whole session on a virtual clock and prints its numbers (and score).
import {
  parseScript,
  sideOfSet,
  simulateSession,
  type SessionSettings,
  type SessionSummary,
  type Simulation,
} from '@glutewake/core';
import { EXIT, type CliIo } from '../io.js';
import { loadProtocol } from '../load-protocol.js';
import { clockTime, regionList, scoreLines, setName } from '../format.js';
import { reportProblems } from './problems.js';

export interface SimulateOptions {
  felt: string;
  json: boolean;
  timeline: boolean;
  settings: SessionSettings;
}

export function simulateCommand(io: CliIo, idOrFile: string, options: SimulateOptions): number {
  const loaded = loadProtocol(io, idOrFile);
  if (!loaded.ok) return reportProblems(io, idOrFile, loaded.problems);
  const script = parseScript(options.felt);
  if (!script.ok) return reportProblems(io, '--felt', script.problems);
  const simulation = simulateSession({
    protocol: loaded.protocol,
    script: script.actions,
    settings: options.settings,
  });
  if (options.json) {
    const output = options.timeline
      ? { ...simulation.summary, timeline: simulation.score }
      : simulation.summary;
    io.out(JSON.stringify(output, null, 2));
  } else {
    const plan = simulation.state.plan;
    const sideOf = (set: number) => (plan === null ? null : sideOfSet(plan, set));
    if (options.timeline) io.out([...scoreLines(simulation.score, sideOf), ''].join('\n'));
    io.out(describeSimulation(loaded.protocol.name, simulation).join('\n'));
  }
  if (simulation.unusedActions.length > 0) {
    io.err(
      `Note: ${simulation.unusedActions.length} scripted moment(s) never came (the session had moved on or ended).`,
    );
  }
  return EXIT.ok;
}

const OUTCOMES: Record<SessionSummary['outcome'], string> = {
  activated: 'activated: both glutes fired',
  'one-side': 'one side: one glute fired before the wake-up cap',
  'not-yet': 'not yet: no glute fired before the wake-up cap',
  stopped: 'stopped before the end',
  completed: 'completed',
  'in-progress': 'still in progress',
};

export function describeSimulation(name: string, simulation: Simulation): string[] {
  const { summary } = simulation;
  const { wakeUp, work } = summary;
  const fired = (rep: number | null) => (rep === null ? 'never' : `at rep ${rep}`);
  const sideOf = (set: number | null) => (set === null ? null : (work.sides[set - 1] ?? null));
  const width = work.sides.some((side) => side !== null) ? 18 : 12;
  const workSets = work.sets.map((reps, index) => {
    const side = work.sides[index] ?? null;
    return side === null ? String(reps) : `${side} ${reps}`;
  });
  const lines = [
    `${name}: simulated session`,
    `Outcome: ${OUTCOMES[summary.outcome]}`,
    `Wake-up: ${wakeUp.reps} reps; left glute fired ${fired(wakeUp.leftFiredAtRep)}, right glute ${fired(wakeUp.rightFiredAtRep)}`,
    `Work sets: ${workSets.length === 0 ? 'none' : workSets.join(', ')}`,
  ];
  if (summary.checkIns.length > 0) {
    lines.push('Check-ins:');
    for (const checkIn of summary.checkIns) {
      const where =
        checkIn.phase === 'wake-up'
          ? `rep ${checkIn.rep}`
          : `after ${checkIn.set === null ? 'set ?' : setName(checkIn.set, sideOf(checkIn.set))}`;
      const balance = checkIn.balance === null ? '' : `, ${checkIn.balance}`;
      const cues = checkIn.cues.length === 0 ? '' : ` -> ${checkIn.cues.join(', ')}`;
      lines.push(`  ${where.padEnd(width)} ${regionList(checkIn.felt)}${balance}${cues}`);
    }
  }
  const spontaneous = summary.reports.filter((report) => report.source === 'spontaneous');
  if (spontaneous.length > 0) {
    lines.push('Reports between check-ins:');
    for (const report of spontaneous) {
      const where =
        report.phase === 'wake-up'
          ? `rep ${report.rep}`
          : `${report.set === null ? 'set ?' : setName(report.set, sideOf(report.set))} rep ${report.rep}`;
      const cues = report.cues.length === 0 ? '' : ` -> ${report.cues.join(', ')}`;
      lines.push(`  ${where.padEnd(width)} ${regionList(report.felt)}${cues}`);
    }
  }
  lines.push(
    `Duration: ${clockTime(summary.durationSeconds)}${summary.pausedSeconds > 0 ? ` (plus ${clockTime(summary.pausedSeconds)} paused)` : ''}; time under tension ${clockTime(summary.timeUnderTensionSeconds)}`,
  );
  return lines;
}
