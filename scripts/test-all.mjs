#!/usr/bin/env node
// The whole test suite behind `npm test`: build and type checks, lint, format,
// every Vitest suite, then one closing line "N passed, N failed" that sums
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

check('build', 'npx', ['tsc', '-b', 'packages/core', 'packages/cli']);
check('typecheck tests', 'npx', ['tsc', '-p', 'tsconfig.tests.json']);
check('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
check('format', 'npx', ['prettier', '--check', '.']);
vitestSuite('unit and integration tests', []);

console.log('');
if (failures.length > 0) console.log(`Failing: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
