// The sound of the web app: what screens import. A CuePlayer turns the
// engine's timelines into tones on the audio clock and speech on time.
export type { CuePlayer, CuePlayerOptions } from './types.js';
export { createCuePlayer, createSilentCuePlayer, browserEnvironment } from './web-cue-player.js';
export type { CuePlayerEnvironment } from './web-cue-player.js';
