// The `glutewake` command: argument parsing and dispatch. Exit codes: 0 done,
// 1 the input has problems (they are printed), 2 the command line is wrong.
import { parseArgs } from 'node:util';
import type { SessionSettings } from '@glutewake/core';
import { protocolJsonSchema, validateSessionSettings } from '@glutewake/core/validation';
import { EXIT, type CliIo } from './io.js';
import { planCommand } from './commands/plan.js';
import { protocolsCommand } from './commands/protocols.js';
import { reportProblems } from './commands/problems.js';
import { simulateCommand } from './commands/simulate.js';
import { validateCommand } from './commands/validate.js';

export const USAGE = `glutewake: plan, check and dry-run glute-activation protocols

Usage:
  glutewake protocols [--json]                 list the built-in protocols, the ladder in order
  glutewake plan <id|file.json> [--json]       outline a session: phases, tempo, duration
  glutewake validate <file.json>               check a protocol file (exit 1 on problems)
  glutewake simulate <id|file.json> --felt "<script>" [--json] [--timeline]
                                               run a whole session on a virtual clock
  glutewake schema                             print the protocol format as JSON Schema

Options:
  --settings '<json>'   session settings, e.g. '{"holdMs":1000,"checkInEveryReps":5}'
  --json                print JSON instead of text
  --timeline            print the full cue timeline (simulate)

Scripts (--felt): space-separated <when>:<what>
  when: 30 (after wake-up rep 30), s2 (the check-in after set 2), s2r10 (set 2, rep 10);
        per-side sets name the leg: s2L, s2R, s2Rr10 (plain s2 is the left leg)
  what: thighs, hamstrings, back, left, right, both, none (comma-joined),
        optionally /left-stronger, /even or /right-stronger;
        or silent (no answer), stop, pause=10m
  Example: --felt "10:thighs 20:hamstrings 30:left 40:both"
           --felt "6:thighs 12:left 18:both s1L:left/even s1R:right/even" (lunge)
`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        timeline: { type: 'boolean', default: false },
        felt: { type: 'string', default: '' },
        settings: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, target, ...extra] = positionals;
  if (values.help || command === 'help' || command === undefined) {
    io.out(USAGE);
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }
  if (extra.length > 0) return usageError(io, `unexpected argument "${extra[0]}"`);
  const settings = parseSettings(io, values.settings);
  if (settings === null) return EXIT.problems;

  switch (command) {
    case 'protocols':
      return protocolsCommand(io, { json: values.json });
    case 'plan':
      if (target === undefined) return usageError(io, 'plan needs a protocol id or a .json file');
      return planCommand(io, target, { json: values.json, settings });
    case 'validate':
      if (target === undefined) return usageError(io, 'validate needs a .json file');
      return validateCommand(io, target);
    case 'simulate':
      if (target === undefined)
        return usageError(io, 'simulate needs a protocol id or a .json file');
      return simulateCommand(io, target, {
        felt: values.felt,
        json: values.json,
        timeline: values.timeline,
        settings,
      });
    case 'schema':
      io.out(JSON.stringify(protocolJsonSchema(), null, 2));
      return EXIT.ok;
    default:
      return usageError(io, `unknown command "${command}"`);
  }
}

function parseSettings(io: CliIo, text: string | undefined): SessionSettings | null {
  if (text === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    reportProblems(io, '--settings', ['is not valid JSON']);
    return null;
  }
  const result = validateSessionSettings(json);
  if (!result.ok) {
    reportProblems(io, '--settings', result.problems);
    return null;
  }
  return result.value;
}

function usageError(io: CliIo, message: string): number {
  io.err(`glutewake: ${message}\nRun \`glutewake --help\` for usage.`);
  return EXIT.usage;
}
