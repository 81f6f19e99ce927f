// What the engine itself says, in one place: announcements, transitions and
// farewells. Cue texts come from the protocol; these are the glue between them.
// Plain, warm, short English; no medical claims. Words for one rep ("squeeze",
// "lift") and the tempo instruction come from the protocol's wording, so a
// protocol without wording sounds exactly like ankle squeezes.
import type { Glute } from '../vocabulary.js';
import type { Outcome } from './state.js';
import type { Wording } from './wording.js';

const LEG: Record<Glute, string> = { left: 'Left leg', right: 'Right leg' };

export const phrases = {
  opening: (protocolName: string) => `${protocolName}. Let's get your glutes working.`,
  setupIntro: 'First, get into position.',
  wakeUpIntro: (wording: Wording) =>
    `${wording.instruction} Tell me whenever you feel it, and where.`,
  workOnlyIntro: (wording: Wording, sets: number, reps: number, perSide: boolean) =>
    `${wording.instruction} ${capitalised(setsOf(sets, reps))}${perSide ? ' on each leg, left leg first' : ''}.`,
  /** Before the first rep of a run; `set` and `sets` only at the start of a work set. */
  countIn: (set: number | null, sets: number | null, side: Glute | null = null) => {
    const parts: string[] = side === null ? [] : [LEG[side]];
    if (set !== null && sets !== null && sets > 1) parts.push(`set ${set} of ${sets}`);
    return parts.length === 0 ? 'Ready.' : `${capitalised(parts.join(', '))}. Ready.`;
  },
  acknowledged: 'Got it.',
  noAnswer: "No answer, that's fine. Let's carry on.",
  bothAwake: 'Both glutes are awake. Well done.',
  workIntro: (sets: number, reps: number, perSide: boolean) =>
    perSide
      ? `Now ${setsOf(sets, reps)} on each leg to lock it in, left leg first.`
      : `Now ${setsOf(sets, reps)} to lock it in.`,
  switchSides: (side: Glute) => `Switch to your ${side} leg.`,
  rest: (seconds: number) => `Rest for ${seconds} seconds.`,
  restEnding: 'Ten seconds.',
  resumeWakeUp: (wording: Wording, rep: number) =>
    `Welcome back. Picking up at ${wording.rep} ${rep}.`,
  resumeWork: (wording: Wording, set: number, rep: number, side: Glute | null = null) =>
    side === null
      ? `Welcome back. Set ${set}, ${wording.rep} ${rep}.`
      : `Welcome back. ${LEG[side]}, set ${set}, ${wording.rep} ${rep}.`,
  resumeCheckIn: 'Welcome back.',
  count: (rep: number) => String(rep),
  farewell: (outcome: Outcome, firedSide: Glute | null) => farewells(outcome, firedSide),
  /** The end of a pre-activation block: on to the exercise it prepares for. */
  warmUpDone: (nextName: string | null) =>
    `Warm-up done. Get into position for ${nextName === null ? 'the next exercise' : nextName.toLowerCase()}, then tap the big button when you're ready.`,
} as const;

function setsOf(sets: number, reps: number): string {
  return sets === 1 ? `one set of ${reps}` : `${sets} sets of ${reps}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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
