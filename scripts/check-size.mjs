#!/usr/bin/env node
// The size budget of the first screen: the JavaScript and CSS that
// apps/web/dist/index.html loads before anything is shown (its entry script,
// the modules it preloads or imports statically, and its stylesheets),
// gzipped, must stay within 60 KB. Code loaded later (dynamic imports, the
// service worker) does not count. Byte sizes are deterministic, so this runs
// inside `npm test`. Prints the figure as JSON; exits 1 over budget, or when
// the chart library (which only the lazily loaded progress screen needs)
// has leaked into the first screen.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 60 * 1024;
const dist = process.argv[2] ?? 'apps/web/dist';
const indexHtml = join(dist, 'index.html');
if (!existsSync(indexHtml)) {
  console.error(`No build at ${indexHtml}: run the web build first.`);
  process.exit(1);
}

const html = readFileSync(indexHtml, 'utf8');
const entryFiles = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
].map((match) => match[1]);

// Follow static imports of each JavaScript file (minified: import{..}from"./x.js" or import"./x.js").
const seen = new Set();
const queue = [...entryFiles];
while (queue.length > 0) {
  const url = queue.shift();
  if (seen.has(url)) continue;
  seen.add(url);
  if (!url.endsWith('.js')) continue;
  const source = readFileSync(join(dist, url), 'utf8');
  for (const match of source.matchAll(
    /(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["']([^"']+\.js)["']/g,
  )) {
    const spec = match[1];
    const resolved = spec.startsWith('.') ? join(dirname(url), spec).replace(/\\/g, '/') : spec;
    queue.push(resolved.startsWith('/') ? resolved : `/${resolved}`);
  }
}

const files = [...seen].map((url) => {
  const bytes = readFileSync(join(dist, url));
  return { file: url, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
});
const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
const result = {
  firstScreen: {
    gzipBytes,
    gzipKB: Math.round((gzipBytes / 1024) * 10) / 10,
    budgetKB: BUDGET_BYTES / 1024,
    withinBudget: gzipBytes <= BUDGET_BYTES,
    files,
  },
};
console.log(JSON.stringify(result, null, 2));
// uPlot's overlay class name appears in its code and nowhere else.
const chartsInFirstScreen = files.filter(({ file }) =>
  readFileSync(join(dist, file), 'utf8').includes('u-over'),
);
if (chartsInFirstScreen.length > 0) {
  console.error(
    `The chart library is in the first screen (${chartsInFirstScreen.map((f) => f.file).join(', ')}): load it lazily.`,
  );
  process.exit(1);
}
if (gzipBytes > BUDGET_BYTES) {
  console.error(
    `First screen is ${result.firstScreen.gzipKB} KB gzipped, over the ${BUDGET_BYTES / 1024} KB budget.`,
  );
  process.exit(1);
}
