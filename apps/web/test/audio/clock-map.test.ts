// The epoch <-> audio clock map: exact both ways, deaf to reading jitter in
// either direction, and quick to follow a real jump of the audio clock.
import { describe, expect, it } from 'vitest';
import { ClockMap } from '../../src/audio/clock-map.js';

const EPOCH = Date.UTC(2026, 0, 5, 8, 0, 0);
const options = { resyncToleranceMs: 40, readingWindow: 15 };

/** A reading whose audio side is `lateMs` stale (negative: ahead), as jitter gives. */
const reading = (audioSeconds: number, offsetMs: number, lateMs = 0) => ({
  audioSeconds: audioSeconds - lateMs / 1000,
  epochMs: audioSeconds * 1000 + offsetMs,
});

/** Feeds readings 25 ms apart, one per jitter value; returns which ones moved the map. */
function feed(map: ClockMap, fromSeconds: number, offsetMs: number, jitterMs: readonly number[]) {
  return jitterMs.map((lateMs, i) =>
    map.observe(reading(fromSeconds + i * 0.025, offsetMs, lateMs)),
  );
}

describe('ClockMap', () => {
  it('maps epoch ms to audio seconds and back with a slope of one', () => {
    const map = new ClockMap(reading(2, EPOCH), options);
    expect(map.toAudioSeconds(EPOCH + 2500)).toBeCloseTo(2.5, 9);
    expect(map.toEpochMs(12.25)).toBe(EPOCH + 12_250);
  });

  it('ignores render-chunk jitter and a few wild readings, early or late', () => {
    const map = new ClockMap(reading(1, EPOCH), options);
    const jitter = [
      0, 10.7, -8, 21.3, 5.3, -60, 16, 8, 90, 0.4, 18.9, -12, 3, 7, -2, 11, 4, 150, 6, 1,
    ];
    expect(feed(map, 1, EPOCH, jitter).some((moved) => moved)).toBe(false);
    expect(map.toEpochMs(3)).toBe(EPOCH + 3000);
  });

  it('follows a suspended audio clock once most recent readings agree', () => {
    const map = new ClockMap(reading(1, EPOCH), options);
    feed(map, 1, EPOCH, Array<number>(options.readingWindow).fill(0));
    const moved = feed(map, 1.5, EPOCH + 800, Array<number>(options.readingWindow).fill(0));
    expect(moved.indexOf(true)).toBe(Math.floor(options.readingWindow / 2));
    expect(moved.filter((m) => m)).toHaveLength(1);
    expect(map.toEpochMs(2)).toBe(EPOCH + 2800);
  });

  it('waits for a majority before correcting a first reading that was far off', () => {
    const map = new ClockMap(reading(1, EPOCH, 100), options);
    const moved = feed(map, 1.025, EPOCH, Array<number>(options.readingWindow).fill(0));
    expect(moved.indexOf(true)).toBe(Math.ceil(options.readingWindow / 2) - 1);
    expect(map.toEpochMs(2)).toBe(EPOCH + 2000);
  });

  it('starts afresh from one reading on reset', () => {
    const map = new ClockMap(reading(1, EPOCH), options);
    map.reset(reading(4, EPOCH + 1234));
    expect(map.toAudioSeconds(EPOCH + 1234 + 5000)).toBeCloseTo(5, 9);
  });
});
