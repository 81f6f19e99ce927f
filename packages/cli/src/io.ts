// What the CLI needs from the outside world, passed in so tests can run the
// commands without spawning processes or touching the disk.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a text file; throws with a readable message when it cannot. */
  readText(path: string): string;
}

export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readText: (path) => readFileSync(resolve(path), 'utf8'),
  };
}

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
