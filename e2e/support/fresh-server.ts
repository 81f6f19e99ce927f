// A server of its own for a spec that must see a clinic being set up: the
// shared e2e server may already have one (other specs set it up). It runs the
// server the webServer of playwright.config.ts has just built (the same
// apps/server/dist and apps/web/dist, so nothing is built twice or
// concurrently) on a free port chosen by the system (PORT=0), with a new
// SQLite file in the temp folder. Invariants: `url` answers before start
// resolves; stop() ends the process (SIGTERM, then SIGKILL) and removes the
// database file; what the server printed is kept for a failure message.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FreshServer {
  url: string;
  stop(): Promise<void>;
}

const serverMain = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));
const SERVING = /Glutewake is being served at (http:\/\/\S+)/;

export async function startFreshServer(timeoutMs = 20_000): Promise<FreshServer> {
  const database = join(tmpdir(), `glutewake-fresh-${Date.now()}-${process.pid}.sqlite`);
  const child = spawn(process.execPath, [serverMain], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${database}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the fresh server did not start in ${timeoutMs} ms:\n${printed}`)),
      timeoutMs,
    );
    const read = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const serving = SERVING.exec(printed);
      if (serving?.[1]) {
        clearTimeout(timer);
        resolve(serving[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the fresh server exited with ${code} before serving:\n${printed}`));
    });
  });
  // Keep draining its (JSON request) log, so the pipe never fills and blocks it.
  child.stdout.removeAllListeners('data').resume();
  child.stderr.removeAllListeners('data').resume();

  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      for (const suffix of ['', '-wal', '-shm']) await rm(`${database}${suffix}`, { force: true });
    },
  };
}
