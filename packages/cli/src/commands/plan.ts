// `glutewake plan <id|file.json> [--json]`: the outline of a session, in the
// protocol's own words for a rep, with where it sits on the ladder.
import { planOutline, type PlanOutline, type SessionSettings } from '@glutewake/core';
import { EXIT, type CliIo } from '../io.js';
import { loadProtocol } from '../load-protocol.js';
import { minutes } from '../format.js';
import { reportProblems } from './problems.js';

export function planCommand(
  io: CliIo,
  idOrFile: string,
  options: { json: boolean; settings: SessionSettings },
): number {
  const loaded = loadProtocol(io, idOrFile);
  if (!loaded.ok) return reportProblems(io, idOrFile, loaded.problems);
  const outline = planOutline(loaded.protocol, options.settings);
  if (options.json) io.out(JSON.stringify(outline, null, 2));
  else io.out(describeOutline(outline).join('\n'));
  return EXIT.ok;
}

export function describeOutline(outline: PlanOutline): string[] {
  const { tempo, wakeUp, work, durationSeconds, wording, readiness, preActivation } = outline;
  const s = (ms: number) => `${ms / 1000} s`;
  const squeeze = wording.squeezeLabel.toLowerCase();
  const release = wording.releaseLabel.toLowerCase();
  const lines = [
    `${outline.name} (${outline.id}, version ${outline.version})`,
    outline.purpose,
    '',
  ];
  if (outline.equipment.length > 0) lines.push(`You need: ${outline.equipment.join('; ')}.`, '');
  lines.push('Setup:', ...outline.setup.map((step, index) => `  ${index + 1}. ${step}`), '');
  lines.push(
    `One rep: ${squeeze} ${s(tempo.squeezeMs)}, hold ${s(tempo.holdMs)}, ${release} ${s(tempo.releaseMs)}, rest ${s(tempo.restBetweenRepsMs)} (${tempo.repSeconds} s a rep)`,
    '',
  );
  if (preActivation) {
    lines.push(
      `Before it, when chosen: ${preActivation.reps} reps of ${preActivation.protocol} (work only, no wake-up), as a short session of its own.`,
      '',
    );
  }
  lines.push('Phases:');
  const phases: string[] = [];
  if (wakeUp) {
    phases.push(
      `Wake-up: ${wording.rep} until both glutes fire; check in every ${wakeUp.checkInEveryReps} reps; a report is welcome at any rep; at most ${wakeUp.capReps} reps`,
    );
  }
  if (work) {
    phases.push(
      `Work: ${work.sets} sets of ${work.repsPerSet}${work.perSide ? ' on each leg (left, then right)' : ''}, ${work.restBetweenSetsSeconds} s rest between sets${work.checkInAfterEachSet ? ', check in after each set (where felt, left/right balance)' : ''}`,
    );
  }
  lines.push(...phases.map((phase, index) => `  ${index + 1}. ${phase}`));
  if (readiness) {
    lines.push(
      '',
      `Ready for it after ${readiness.after}: practice on ${readiness.minPracticeDays} of the last ${readiness.withinDays} days, and in each of the latest ${readiness.recentSessions} sessions both glutes fired by rep ${readiness.bothFiredWithinReps}${readiness.evenBalance ? ' with an even balance' : ''}.`,
    );
  }
  lines.push(
    '',
    durationSeconds.quickest === durationSeconds.longest
      ? `Expected duration: about ${minutes(durationSeconds.typical)}`
      : `Expected duration: ${minutes(durationSeconds.quickest)} to ${minutes(durationSeconds.longest)} (typically ${minutes(durationSeconds.typical)})`,
    '',
    'Safety:',
    ...outline.safety.map((line) => `  - ${line}`),
  );
  return lines;
}
