// The bridge between two clocks: epoch milliseconds, which the engine stamps
// events and timelines with, and the audio clock's seconds, which Web Audio
// schedules sounds on. The map is `epochMs = audioSeconds * 1000 + offsetMs`.
// Invariants:
// - the slope is exactly 1: one audio second is one epoch second;
// - the offset moves only when most recent readings disagree with it by more
//   than the tolerance (the median of the window does): a suspended, resumed
//   or glitched audio clock moves it, reading jitter never does, in either
//   direction (currentTime advances in render chunks; a starved audio thread
//   delays output timestamps);
// - so the offset stays put through noise; only a real jump moves it, and
//   the first decision waits until half the window has been read.

/** The audio clock and the epoch clock read at the same instant. */
export interface ClockReading {
  audioSeconds: number;
  epochMs: number;
}

export interface ClockMapOptions {
  /** How far fresh readings may disagree with the offset before it is re-synced. */
  resyncToleranceMs: number;
  /** How many recent readings the median looks at. */
  readingWindow: number;
}

export const defaultClockMapOptions: ClockMapOptions = {
  resyncToleranceMs: 40,
  readingWindow: 15,
};

export class ClockMap {
  private offsetMs: number;
  private recentOffsetsMs: number[] = [];

  constructor(
    reading: ClockReading,
    private readonly options: ClockMapOptions = defaultClockMapOptions,
  ) {
    this.offsetMs = offsetOf(reading);
  }

  toAudioSeconds(epochMs: number): number {
    return (epochMs - this.offsetMs) / 1000;
  }

  toEpochMs(audioSeconds: number): number {
    return audioSeconds * 1000 + this.offsetMs;
  }

  /** Feeds a fresh reading; returns true when it moved the offset (a re-sync). */
  observe(reading: ClockReading): boolean {
    this.recentOffsetsMs.push(offsetOf(reading));
    if (this.recentOffsetsMs.length > this.options.readingWindow) this.recentOffsetsMs.shift();
    // A median of a few readings is no majority yet.
    if (this.recentOffsetsMs.length < Math.ceil(this.options.readingWindow / 2)) return false;
    const estimateMs = median(this.recentOffsetsMs);
    if (Math.abs(estimateMs - this.offsetMs) <= this.options.resyncToleranceMs) return false;
    this.offsetMs = estimateMs;
    return true;
  }

  /** Starts afresh from one reading (the audio clock was just resumed). */
  reset(reading: ClockReading): void {
    this.offsetMs = offsetOf(reading);
    this.recentOffsetsMs = [];
  }
}

function offsetOf(reading: ClockReading): number {
  return reading.epochMs - reading.audioSeconds * 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
}
