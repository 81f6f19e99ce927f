// `glutewake validate <file.json>`: exit 0 for a valid protocol, else print the problems and exit 1.
import { EXIT, type CliIo } from '../io.js';
import { loadProtocolFile } from '../load-protocol.js';
import { reportProblems } from './problems.js';

export function validateCommand(io: CliIo, file: string): number {
  const loaded = loadProtocolFile(io, file);
  if (!loaded.ok) return reportProblems(io, file, loaded.problems);
  const { protocol } = loaded;
  io.out(
    `${file} is a valid protocol: ${protocol.name} (${protocol.id}, version ${protocol.version}).`,
  );
  return EXIT.ok;
}
