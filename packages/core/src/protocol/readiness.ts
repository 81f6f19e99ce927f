// A protocol's readiness rule: when the person has practised the exercise
// before it (`after`) enough, and well enough, to move on to this one. The
// rule is data; `evaluateReadiness` in progress/ judges it over the history.
// Defaults for glute bridges: 7 practice days in the last 14, and in each of
// the last 3 sessions both glutes fired within 10 reps with an even balance.
import { z } from 'zod';
import { identifier, intBetween } from './fields.js';

export const readinessRuleSchema = z.strictObject({
  /** The protocol whose sessions are judged (the rung below on the ladder). */
  after: identifier,
  /** Days with at least one finished session of `after`, counted in the window. */
  minPracticeDays: intBetween(1, 90),
  /** The window, in days ending today, that practice days are counted in. */
  withinDays: intBetween(1, 180),
  /** How many of the latest finished sessions must each meet the bars below. */
  recentSessions: intBetween(1, 30),
  /** In each of those sessions both glutes fired at or before this rep of the wake-up. */
  bothFiredWithinReps: intBetween(0, 500),
  /** In each of those sessions the last balance reported was "even". */
  evenBalance: z.boolean({ error: 'must be true or false' }),
});

export type ReadinessRule = z.infer<typeof readinessRuleSchema>;
