// The contract between the session screens and the sound. The engine says
// what happens when (a Timeline of steps with offsets from an epoch-ms
// anchor); a CuePlayer turns that into tones on the Web Audio clock and
// speech, scheduled ahead, so cues stay on time while the main thread is busy.
import type { Timeline } from '@glutewake/core';

export interface CuePlayerOptions {
  /** 0..1 */
  volume: number;
  /** Speak cue texts and counts; when false, or when no voice exists, tones alone. */
  voiceEnabled: boolean;
  /** Preferred speechSynthesis voice (voiceURI); null picks the best local English voice. */
  voiceUri: string | null;
}

export interface CuePlayer {
  /** Must be called from a user gesture once (browsers keep audio locked until then). */
  unlock(): Promise<void>;
  /** Epoch milliseconds on the player's clock: the clock every engine event time uses. */
  now(): number;
  /**
   * Replace whatever is scheduled from now on with this timeline. Steps already
   * in the past are skipped; steps ahead are scheduled on the audio clock.
   */
  play(timeline: Timeline): void;
  /** Cancel everything not yet heard (pause, stop, leaving the screen). */
  silence(): void;
  /** An immediate short sound confirming that an answer was taken. */
  confirm(): void;
  /** Say something now, outside any timeline (audio check, spoken question repeat). */
  sayNow(text: string): void;
  /** A tone now (audio check). */
  toneNow(tone: 'squeeze' | 'release' | 'ready' | 'question' | 'finish'): void;
  setOptions(options: Partial<CuePlayerOptions>): void;
  /** True when a speech voice is available and enabled. */
  canSpeak(): boolean;
  /** Local voices to offer in settings. */
  voices(): { uri: string; name: string; lang: string }[];
  dispose(): void;
}
