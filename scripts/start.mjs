#!/usr/bin/env node
// `npm start`: build whatever is missing or stale, then serve the app. The
// TypeScript packages (core, cli, server) go through `tsc -b`, which is
// incremental; the web app is rebuilt with Vite only when apps/web/dist/index.html
// is missing or older than one of its inputs, and not at all when WEB_ROOT
// points the server at another folder. Then this process becomes the server
// (PORT, default 8080; HOST, default 0.0.0.0), which stops on Ctrl-C or
// SIGTERM. npm runs this through a shell, and stopping npm (as a service
// manager does) ends the shell without passing the signal on; so when, run
// by npm, this process finds its parent gone it stops the server as SIGTERM
// would, rather than keep serving with nobody watching it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const fromRoot = (path) => join(repoRoot, path);

const webBuildOutput = fromRoot('apps/web/dist/index.html');
const webBuildInputs = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/public',
  'apps/web/vite.config.ts',
  'packages/core/src',
].map(fromRoot);

function runOrExit(what, command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`start: ${what} failed (${[command, ...args].join(' ')})`);
    process.exit(result.status ?? 1);
  }
  console.log(`start: ${what} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Newest modification time (ms) of a file, or of any file below a folder; 0 when absent. */
function newestMtimeMs(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  }
  return newest;
}

function webBuildIsStale() {
  const built = statSync(webBuildOutput, { throwIfNoEntry: false });
  if (built === undefined) return true;
  return webBuildInputs.some((input) => newestMtimeMs(input) > built.mtimeMs);
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
runOrExit('tsc -b (core, cli, server)', process.execPath, [
  tsc,
  '-b',
  'packages/core',
  'packages/cli',
  'apps/server',
]);

if (process.env.WEB_ROOT?.trim()) {
  console.log(`start: serving the web app from WEB_ROOT (${process.env.WEB_ROOT})`);
} else if (webBuildIsStale()) {
  runOrExit('web app build', 'npm', ['run', 'build', '-w', '@glutewake/web']);
} else {
  console.log('start: web app is up to date');
}

await import('../apps/server/dist/main.js');

// Only under npm: run directly (`node scripts/start.mjs`, nohup), the parent
// may go away on purpose.
if (process.env.npm_lifecycle_event === 'start') {
  const parentAtStart = process.ppid;
  const parentWatch = setInterval(() => {
    if (process.ppid === parentAtStart) return;
    // Once: a second SIGTERM would cut the graceful close short.
    clearInterval(parentWatch);
    process.kill(process.pid, 'SIGTERM');
  }, 500);
  parentWatch.unref();
}
