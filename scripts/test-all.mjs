#!/usr/bin/env node
// The whole test suite behind `npm test`: build and type checks, lint, format,
// every Vitest suite, the web build and the Playwright end-to-end suite in
// Chromium, then one closing line "N passed, N failed" that sums
// every test and every check, which is what CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = '.ci-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

/**
 * Adds a suite's test counts to the totals. A missing or empty report, or a
 * runner that failed with no failing test, counts as one failure.
 */
function addCounts(label, ok, counts) {
  if (counts === null || (counts.passed === 0 && counts.failed === 0)) {
    failed++;
    failures.push(`${label} (no test report)`);
    return;
  }
  passed += counts.passed;
  failed += counts.failed;
  if (!ok && counts.failed === 0) {
    failed++;
    failures.push(`${label} (runner failed)`);
  } else if (counts.failed > 0) failures.push(`${label}: ${counts.failed} failing`);
}

/** Runs Vitest with a JSON report and counts its tests one by one. */
function vitestSuite(label, args) {
  const report = join(resultsDir, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', ...args], { VITEST_JSON: report });
  let counts;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts = {
      passed: json.numPassedTests,
      failed: json.numFailedTests + (json.numRuntimeErrorTests ?? 0),
    };
  } catch {
    counts = null;
  }
  addCounts(label, ok, counts);
}

/**
 * Runs Playwright (playwright.config.ts writes .ci-results/e2e.json) and counts
 * its tests: expected and flaky pass, unexpected fail, and under CI a skipped
 * test fails too, since CI must never pass on tests that did not run.
 */
function playwrightSuite(label) {
  const report = join(resultsDir, 'e2e.json');
  const ok = run(label, 'npx', ['playwright', 'test']);
  let counts;
  try {
    const { stats } = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = ['true', '1'].includes(process.env.CI ?? '') ? stats.skipped : 0;
    counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected + skipped };
  } catch {
    counts = null;
  }
  addCounts(label, ok, counts);
}

check('build', 'npx', ['tsc', '-b', 'packages/core', 'packages/cli', 'apps/server']);
check('typecheck tests', 'npx', ['tsc', '-p', 'tsconfig.tests.json']);
check('typecheck server tests', 'npx', ['tsc', '-p', 'apps/server/tsconfig.test.json']);
check('typecheck e2e tests', 'npx', ['tsc', '-p', 'e2e/tsconfig.json']);
check('typecheck web app', 'npx', ['tsc', '-p', 'apps/web/tsconfig.json']);
check('typecheck cue-timing bench page', 'npx', ['tsc', '-p', 'bench/cue-timing/page']);
check('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
check('format', 'npx', ['prettier', '--check', '.']);
vitestSuite('unit and integration tests', []);
check('web build', 'npm', ['run', 'build', '-w', '@glutewake/web']);
check('first-screen size budget (60 KB gzipped)', 'node', ['scripts/check-size.mjs']);
playwrightSuite('end-to-end tests');

console.log('');
if (failures.length > 0) console.log(`Failing: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
