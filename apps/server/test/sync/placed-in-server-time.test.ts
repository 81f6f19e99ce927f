// A session is dated by the device, but never later than the server received
// its start (RELIABILITY.md row 5): a clock running ahead is pulled back to
// that moment with its end, so the session keeps its length; a clock running
// behind, or a session that has not started, is left as it is.
import { describe, expect, it } from 'vitest';
import { placedInServerTime, summaryOfSession } from '../../src/sync/session-statistics.js';
import { TEST_START } from '../support/clock.js';
import { sessionLog } from '../support/sync.js';

const HOUR = 3_600_000;

function summaryStartingAt(startAt: number) {
  return summaryOfSession(sessionLog({ startAt }).events);
}

describe('placing a session in server time', () => {
  it('pulls a session from a clock running ahead back to when its start arrived', () => {
    const ahead = summaryStartingAt(TEST_START + 30 * HOUR);
    const placed = placedInServerTime(ahead, TEST_START);
    expect(placed.startedAt).toBe(TEST_START);
    expect(placed.endedAt).toBe((ahead.endedAt ?? 0) - 30 * HOUR);
    expect(placed.durationSeconds).toBe(ahead.durationSeconds);
    expect({ ...placed, startedAt: null, endedAt: null }).toEqual({
      ...ahead,
      startedAt: null,
      endedAt: null,
    });
  });

  it('keeps a session from a clock running behind, or right on time, as it is', () => {
    const behind = summaryStartingAt(TEST_START - 400 * HOUR);
    expect(placedInServerTime(behind, TEST_START)).toBe(behind);
    const onTime = summaryStartingAt(TEST_START);
    expect(placedInServerTime(onTime, TEST_START)).toBe(onTime);
  });

  it('leaves a session that has not started undated', () => {
    const notStarted = summaryOfSession([]);
    expect(placedInServerTime(notStarted, TEST_START)).toBe(notStarted);
  });
});
