// How the disk answered while a measurement ran: every 50 ms, one 4 KiB
// write and an fdatasync of a scratch file next to the database. A durable
// commit waits for the same kind of flush, so when the disk stalls every
// commit of that moment waits too; the figures let a reader tell a slow
// server from a slow disk. On these shared machines an idle disk's flush
// takes about half a millisecond, with a stall of 100 ms or more now and then.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { quantile, toTenth } from './quantile.mjs';

const EVERY_MS = 50;
const STALL_MS = 20;

// The probe runs on a thread of its own, so a measurement that keeps the
// main thread busy (the raw SQLite baseline is one synchronous loop) is
// probed all the same. It stops when the shared flag is set.
const PROBE = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const flag = new Int32Array(workerData.flag);
const file = fs.openSync(workerData.path, 'w');
const block = Buffer.alloc(4096, 7);
const times = [];
while (Atomics.load(flag, 0) === 0) {
  fs.writeSync(file, block, 0, block.length, 0);
  const started = performance.now();
  fs.fdatasyncSync(file);
  times.push(performance.now() - started);
  Atomics.wait(flag, 0, 0, workerData.everyMs);
}
fs.closeSync(file);
fs.rmSync(workerData.path, { force: true });
parentPort.postMessage(times);
`;

/** Starts probing in `folder`; `stop()` resolves with the flush times seen. */
export async function startDiskProbe(folder) {
  const path = join(folder, `disk-probe-${process.pid}-${Date.now()}.bin`);
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(PROBE, { eval: true, workerData: { path, flag, everyMs: EVERY_MS } });
  const times = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // Unreferenced (after its listeners, which would reference it again), so
  // a measurement that throws before stop() still lets the benchmark exit.
  worker.unref();
  return {
    async stop() {
      worker.ref();
      const shared = new Int32Array(flag);
      Atomics.store(shared, 0, 1);
      Atomics.notify(shared, 0);
      const seen = await times;
      await worker.terminate();
      return summaryOf(seen);
    },
  };
}

function summaryOf(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => toTenth(quantile(sorted, q) ?? 0);
  const stalls = sorted.filter((ms) => ms > STALL_MS);
  return {
    flushes: sorted.length,
    flushMs: { p50: at(0.5), p99: at(0.99), max: toTenth(sorted.at(-1) ?? 0) },
    [`stallsOver${STALL_MS}Ms`]: stalls.length,
    stalledMs: toTenth(stalls.reduce((sum, ms) => sum + ms, 0)),
  };
}
