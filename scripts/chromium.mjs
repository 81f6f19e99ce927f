// The one Chromium every browser run here uses, and how it is launched: the
// end-to-end tests, the benchmarks and screenshot scripts. The machines never
// download browser builds: this is Debian's chromium (apt-get install chromium).
// Without the background-networking flags it keeps trying to reach the network.
export const chromiumPath =
  process.env.E2E_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
