// Which Chromium the end-to-end tests drive, and how it is launched. The
// machine never downloads browser builds: the tests use Debian's chromium
// (apt-get install chromium). Invariant: under CI=true a missing browser is a
// failure, never a skip, so a green CI run always means the tests ran.
import { existsSync } from 'node:fs';
import { chromiumPath } from '../../scripts/chromium.mjs';

export { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export const isCi = process.env.CI === 'true' || process.env.CI === '1';

export function chromiumIsInstalled(): boolean {
  return existsSync(chromiumPath);
}

export const chromiumMissingMessage =
  `No Chromium at ${chromiumPath}. Install Debian's: ` +
  'apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core';
