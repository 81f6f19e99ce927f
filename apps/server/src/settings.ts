// The server's documented limits and lifetimes, in one place (docs/server.md
// repeats them for operators). Invariants: staff sessions are
// shorter than client sessions, for both the idle timeout and the absolute
// lifetime; a sync batch's byte limit is well under the 413 that protects the
// process; every value is a plain number with its unit in its name.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface SessionLifetime {
  idleTimeoutMs: number;
  absoluteLifetimeMs: number;
}

export interface ServerSettings {
  /** Largest JSON body of any API route but sync push. */
  apiBodyLimitBytes: number;
  /** Largest JSON body of a sync push (a batch of events). */
  syncBodyLimitBytes: number;
  /** Most events in one sync push. */
  syncMaxEventsPerBatch: number;
  staffSession: SessionLifetime;
  clientSession: SessionLifetime;
  /** A session's last-seen time is written at most this often. */
  sessionTouchIntervalMs: number;
  signInWindowMs: number;
  signInFailuresPerAddress: number;
  signInFailuresPerAccount: number;
  invitationLifetimeMs: number;
  minPasswordLength: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  apiBodyLimitBytes: 64 * 1024,
  syncBodyLimitBytes: 1024 * 1024,
  syncMaxEventsPerBatch: 500,
  staffSession: { idleTimeoutMs: 30 * MINUTE_MS, absoluteLifetimeMs: 12 * HOUR_MS },
  clientSession: { idleTimeoutMs: 30 * DAY_MS, absoluteLifetimeMs: 90 * DAY_MS },
  sessionTouchIntervalMs: MINUTE_MS,
  signInWindowMs: 15 * MINUTE_MS,
  signInFailuresPerAddress: 20,
  signInFailuresPerAccount: 5,
  invitationLifetimeMs: 7 * DAY_MS,
  minPasswordLength: 10,
};
