#!/usr/bin/env node
// Entry point of the `glutewake` command; the code lives in ../dist (built by `npm install`).
import { runCli } from '../dist/main.js';
import { nodeIo } from '../dist/io.js';

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
