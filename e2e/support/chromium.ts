// Which Chromium the end-to-end tests drive, and how it is launched. The
// machine never downloads browser builds: the tests use Debian's chromium
// (apt-get install chromium). Invariant: under CI=true a missing browser is a
// failure, never a skip, so a green CI run always means the tests ran.
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const isCi = process.env.CI === 'true' || process.env.CI === '1';

export function chromiumIsInstalled(): boolean {
  return existsSync(chromiumPath);
}

export const chromiumMissingMessage =
  `No Chromium at ${chromiumPath}. Install Debian's: ` +
  'apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core';
