#!/usr/bin/env node
// Entry point of the `glutewake` command; the code lives in ../dist (built by `npm install`).
import { runCli } from '../dist/main.js';
import { nodeIo } from '../dist/io.js';

// `glutewake simulate ... --timeline | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
