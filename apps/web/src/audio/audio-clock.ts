// The clocks the scheduler reads in a browser: an AudioContext's clock paired
// with the page's wall clock, or the wall clock alone when there is no audio.
// Invariants: a paired reading describes when a sample is heard, not when it
// is rendered: from getOutputTimestamp when the platform gives a usable one,
// otherwise from currentTime less the reported output latency, so that the two
// sources agree and switching between them does not look like a clock jump.
import type { ClockReading } from './clock-map.js';
import type { SchedulerClock } from './scheduler.js';

/** The page's monotonic clock: `performance` in a browser. */
export interface WallClock {
  readonly timeOrigin: number;
  now(): number;
}

export function epochNowOf(wall: WallClock): number {
  return wall.timeOrigin + wall.now();
}

export function audioContextClock(context: AudioContext, wall: WallClock): SchedulerClock {
  return {
    audioNow: () => context.currentTime,
    epochNow: () => epochNowOf(wall),
    pairedReading: () => outputReading(context, wall) ?? latencyCorrectedReading(context, wall),
  };
}

/** With no AudioContext, the "audio" clock is the wall clock in seconds; only speech sounds. */
export function wallOnlyClock(wall: WallClock): SchedulerClock {
  return {
    audioNow: () => wall.now() / 1000,
    epochNow: () => epochNowOf(wall),
  };
}

function outputReading(context: AudioContext, wall: WallClock): ClockReading | null {
  if (context.state !== 'running' || typeof context.getOutputTimestamp !== 'function') return null;
  const { contextTime, performanceTime } = context.getOutputTimestamp();
  // Before the first render both are 0; some engines leave them undefined.
  if (!contextTime || !performanceTime) return null;
  return { audioSeconds: contextTime, epochMs: wall.timeOrigin + performanceTime };
}

function latencyCorrectedReading(context: AudioContext, wall: WallClock): ClockReading {
  const latencySeconds = (context.outputLatency || 0) + (context.baseLatency || 0);
  return { audioSeconds: context.currentTime - latencySeconds, epochMs: epochNowOf(wall) };
}
