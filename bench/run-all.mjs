#!/usr/bin/env node
// Runs every benchmark in bench/*/ (the `run.mjs` of each folder), each of
// which prints one JSON object on stdout, and prints them merged into one
// JSON object. Arguments are passed on to every benchmark (e.g. `--seconds 30`
// for a quick cue-timing run). A benchmark that fails or prints no JSON is
// reported under its folder name as {error}, and the exit code is 1.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const passedArgs = process.argv.slice(2);
const combined = {};
let failed = false;

const benches = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(benchDir, entry.name, 'run.mjs')))
  .map((entry) => entry.name)
  .sort();

for (const name of benches) {
  console.error(`=== bench ${name}`);
  const result = spawnSync(process.execPath, [join(benchDir, name, 'run.mjs'), ...passedArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    if (result.status !== 0) throw new Error(`exited with ${result.status ?? result.signal}`);
    Object.assign(combined, JSON.parse(result.stdout));
  } catch (error) {
    failed = true;
    combined[name] = { error: error instanceof Error ? error.message : String(error) };
  }
}

console.log(JSON.stringify(combined, null, 2));
process.exit(failed ? 1 : 0);
