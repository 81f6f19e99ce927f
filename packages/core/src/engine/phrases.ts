// What the engine itself says, in one place: announcements, transitions and
// farewells. Cue texts come from the protocol; these are the glue between them.
// Plain, warm, short English; no medical claims.
import type { Glute } from '../vocabulary.js';
import type { Outcome } from './state.js';

export const phrases = {
  opening: (protocolName: string) => `${protocolName}. Let's get your glutes working.`,
  setupIntro: 'First, get into position.',
  wakeUpIntro:
    'Squeeze on the high tone, let go on the low tone. Tell me whenever you feel it, and where.',
  workOnlyIntro: (sets: number, reps: number) => `${sets} sets of ${reps}.`,
  countIn: (set: number | null, sets: number | null) =>
    set === null || sets === null ? 'Ready.' : `Set ${set} of ${sets}. Ready.`,
  acknowledged: 'Got it.',
  noAnswer: "No answer, that's fine. Let's carry on.",
  bothAwake: 'Both glutes are awake. Well done.',
  workIntro: (sets: number, reps: number) => `Now ${sets} sets of ${reps} to lock it in.`,
  rest: (seconds: number) => `Rest for ${seconds} seconds.`,
  restEnding: 'Ten seconds.',
  resumeWakeUp: (rep: number) => `Welcome back. Picking up at squeeze ${rep}.`,
  resumeWork: (set: number, rep: number) => `Welcome back. Set ${set}, squeeze ${rep}.`,
  resumeCheckIn: 'Welcome back.',
  count: (rep: number) => String(rep),
  farewell: (outcome: Outcome, firedSide: Glute | null) => farewells(outcome, firedSide),
} as const;

function farewells(outcome: Outcome, firedSide: Glute | null): string {
  switch (outcome) {
    case 'activated':
      return 'All sets done. Great work: your glutes did the job today.';
    case 'completed':
      return 'All sets done. Great work.';
    case 'one-side':
      return `That's plenty for today. Your ${firedSide ?? 'one'} glute woke up; the other side often joins in a later session.`;
    case 'not-yet':
      return "That's plenty for today. Glutes can take a few sessions to wake up, so come back tomorrow.";
    case 'stopped':
      return 'Session stopped. Thanks for practising.';
  }
}
