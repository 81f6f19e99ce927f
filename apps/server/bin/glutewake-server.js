#!/usr/bin/env node
// The glutewake-server command: serves the built web app (see src/main.ts).
// It runs the compiled server, so `tsc -b apps/server` must have run first.
import '../dist/main.js';
