// One way to print problems with a file or an argument, and the exit code that goes with them.
import { EXIT, type CliIo } from '../io.js';

export function reportProblems(io: CliIo, subject: string, problems: readonly string[]): number {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  io.err(`${subject} has ${count}:`);
  for (const problem of problems) io.err(`  - ${problem}`);
  return EXIT.problems;
}
