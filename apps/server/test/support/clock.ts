// A clock tests move by hand: the server reads time only through the clock it
// is given, so idle timeouts and session lifetimes are tested without waiting.
export interface TestClock {
  now(): number;
  advance(ms: number): void;
  set(at: number): void;
}

export const TEST_START = Date.UTC(2026, 2, 2, 9, 0, 0);

export function testClock(start = TEST_START): TestClock {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
    set(at) {
      current = at;
    },
  };
}
