// `npm start` as an operator runs it, under a supervisor or in the
// background: the server it starts answers, and stopping npm (SIGTERM, as a
// service manager does) stops the server too, instead of leaving it running
// on its port without anyone watching it.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'glutewake-npm-start-'));
  folders.push(folder);
  return folder;
}

async function answers(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** Stops a server a failing run left behind (its log lines name its pid). */
function stopLeftBehind(output: string): void {
  const serverPid = Number(/"pid":(\d+)/.exec(output)?.[1]);
  if (!Number.isInteger(serverPid)) return;
  try {
    process.kill(serverPid, 'SIGKILL');
  } catch {
    // Already gone, as it should be.
  }
}

it(
  'stopping npm start with SIGTERM stops the server it started',
  { timeout: 120_000 },
  async () => {
    const folder = scratch();
    const webRoot = join(folder, 'web');
    mkdirSync(webRoot);
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Glutewake</title>');
    const npm = spawn('npm', ['start'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(folder, 'glutewake.sqlite')}`,
        WEB_ROOT: webRoot,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    let output = '';
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        npm.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const served = /being served at (http:\/\/\S+)/.exec(output)?.[1];
          if (served !== undefined) resolve(served.replace('localhost', '127.0.0.1'));
        });
        npm.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
      });
      expect(await answers(origin)).toBe(true);

      npm.kill('SIGTERM');
      await exited;
      let stillAnswering = true;
      for (let attempt = 0; attempt < 50 && stillAnswering; attempt++) {
        stillAnswering = await answers(origin);
        if (stillAnswering) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(stillAnswering, 'the server kept running after npm was stopped').toBe(false);
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
      stopLeftBehind(output);
    }
  },
);
