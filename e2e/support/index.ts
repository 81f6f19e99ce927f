// What an end-to-end spec needs, in one import: the extended `test` and
// `expect`, the accessibility check, and the two-size screenshots.
export { expect, test, type PageProblems, type Speech } from './fixtures.js';
export { expectNoSeriousA11yViolations } from './a11y.js';
export { screenshotBoth } from './screenshots.js';
export { fakeVoice, type SpokenUtterance } from './fake-speech.js';
