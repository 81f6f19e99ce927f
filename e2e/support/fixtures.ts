// The `test` every end-to-end spec uses instead of @playwright/test's. It
// adds, for each test: a Chromium check (fail under CI, skip elsewhere, before
// any browser launches); the fake speechSynthesis of fake-speech.ts installed
// in the page before any of its scripts run; and a record of problems the page
// reports by itself (uncaught errors, Content-Security-Policy violations).
import { test as base, type Page } from '@playwright/test';
import { chromiumIsInstalled, chromiumMissingMessage, isCi } from './chromium.js';
import {
  fakeVoice,
  installFakeSpeechSynthesis,
  type FakeSpeechOptions,
  type SpokenUtterance,
} from './fake-speech.js';

export { expect } from '@playwright/test';

export interface Speech {
  /** Every utterance the page has asked to speak, oldest first. */
  spoken(): Promise<SpokenUtterance[]>;
  /** Just their texts. */
  spokenTexts(): Promise<string[]>;
}

export interface PageProblems {
  uncaughtErrors: string[];
  cspViolations: string[];
}

interface Fixtures {
  requireChromium: void;
  speakMs: number;
  speech: Speech;
  pageProblems: PageProblems;
}

export const test = base.extend<Fixtures>({
  requireChromium: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern
    async ({}, use, testInfo) => {
      if (!chromiumIsInstalled()) {
        if (isCi) throw new Error(chromiumMissingMessage);
        testInfo.skip(true, chromiumMissingMessage);
      }
      await use();
    },
    { auto: true },
  ],

  speakMs: [50, { option: true }],

  speech: [
    async ({ page, speakMs }, use) => {
      const options: FakeSpeechOptions = { speakMs, voice: fakeVoice };
      await page.addInitScript(installFakeSpeechSynthesis, options);
      await use({
        spoken: () => spokenIn(page),
        spokenTexts: async () => (await spokenIn(page)).map((utterance) => utterance.text),
      });
    },
    { auto: true },
  ],

  pageProblems: [
    async ({ page }, use) => {
      const problems: PageProblems = { uncaughtErrors: [], cspViolations: [] };
      page.on('pageerror', (error) => problems.uncaughtErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          problems.cspViolations.push(message.text());
        }
      });
      await use(problems);
    },
    { auto: true },
  ],
});

async function spokenIn(page: Page): Promise<SpokenUtterance[]> {
  return page.evaluate(() => window.__spoken ?? []);
}
