// The cue tones, synthesised (no audio files): each tone is a recipe of short
// notes, each note an oscillator through its own gain envelope. Squeeze is a
// higher, clear tone; release a lower one; ready a short double blip; question
// a rising two-note; finish a gentle chord; confirm a short click-like blip.
// Invariants: every note starts and ends at zero gain with a ramp of a few
// milliseconds (no clicks); a note never starts before the audio clock's now;
// cancelling a tone that has not started silences it entirely, and cancelling
// one that has started does nothing.
import type { Tone } from '@glutewake/core';
import type { CueHandle } from './scheduler.js';

export type CueTone = Tone | 'confirm';

export interface Note {
  frequencyHz: number;
  offsetSeconds: number;
  durationSeconds: number;
  waveform: OscillatorType;
  /** Relative loudness, 0..1, before the player's volume. */
  level: number;
}

export const ATTACK_SECONDS = 0.004;
export const RELEASE_SECONDS = 0.03;
/** Headroom, so that a chord at full volume does not clip. */
const PEAK_GAIN = 0.3;

const note = (
  frequencyHz: number,
  offsetSeconds: number,
  durationSeconds: number,
  level = 1,
  waveform: OscillatorType = 'sine',
): Note => ({ frequencyHz, offsetSeconds, durationSeconds, waveform, level });

export const toneRecipes: Record<CueTone, readonly Note[]> = {
  squeeze: [note(880, 0, 0.22)],
  release: [note(440, 0, 0.28, 0.9)],
  ready: [note(660, 0, 0.06, 0.8), note(660, 0.12, 0.06, 0.8)],
  question: [note(523.25, 0, 0.14, 0.8), note(783.99, 0.14, 0.22, 0.8)],
  finish: [
    note(523.25, 0, 0.9, 0.4),
    note(659.25, 0.02, 0.88, 0.35),
    note(783.99, 0.04, 0.86, 0.3),
  ],
  confirm: [note(1320, 0, 0.035, 0.6, 'triangle')],
};

/** How long a tone lasts from its start, seconds. */
export function toneDurationSeconds(tone: CueTone): number {
  return Math.max(...toneRecipes[tone].map((n) => n.offsetSeconds + n.durationSeconds));
}

/** Schedules a tone on `context`'s clock at `atSeconds` (at once, if that is past). */
export function scheduleTone(
  context: BaseAudioContext,
  destination: AudioNode,
  tone: CueTone,
  atSeconds: number,
): CueHandle {
  const startSeconds = Math.max(atSeconds, context.currentTime);
  const voices = toneRecipes[tone].map((n) => scheduleNote(context, destination, n, startSeconds));
  return {
    cancel() {
      if (context.currentTime > startSeconds) return;
      for (const voice of voices) voice.cancel();
    },
  };
}

function scheduleNote(
  context: BaseAudioContext,
  destination: AudioNode,
  { frequencyHz, offsetSeconds, durationSeconds, waveform, level }: Note,
  toneStartSeconds: number,
): CueHandle {
  const start = toneStartSeconds + offsetSeconds;
  const end = start + durationSeconds;
  const peak = PEAK_GAIN * level;
  const oscillator = context.createOscillator();
  oscillator.type = waveform;
  oscillator.frequency.setValueAtTime(frequencyHz, start);
  const envelope = context.createGain();
  envelope.gain.setValueAtTime(0, start);
  envelope.gain.linearRampToValueAtTime(peak, start + ATTACK_SECONDS);
  envelope.gain.setValueAtTime(peak, end - RELEASE_SECONDS);
  envelope.gain.linearRampToValueAtTime(0, end);
  oscillator.connect(envelope);
  envelope.connect(destination);
  oscillator.start(start);
  oscillator.stop(end + 0.01);
  oscillator.onended = () => envelope.disconnect();
  return {
    cancel() {
      envelope.gain.cancelScheduledValues(0);
      envelope.gain.setValueAtTime(0, 0);
      envelope.disconnect();
      try {
        oscillator.stop();
      } catch {
        // Some engines reject a second stop(); the disconnect already silenced it.
      }
    },
  };
}
