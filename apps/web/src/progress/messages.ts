// The words of the progress and ladder screens. They load with those screens,
// not with the first one. Plain, warm, short English; no medical claims.
import type { Outcome, RungState, Symptom } from '@glutewake/core';

export const progressMessages = {
  title: 'Your progress',
  empty: 'Your progress shows up here after your first session.',
  exercise: 'Exercise',
  insightsTitle: 'How it is going',
  noInsights: 'A few more sessions and there will be something to say here.',
  calendarTitle: 'The last 4 weeks',
  streak: (days: number) => (days === 1 ? '1 day in a row' : `${days} days in a row`),
  daysThisWeek: (days: number) => `${days} of the last 7 days`,
  daysThisMonth: (days: number) => `${days} of the last 28 days`,
  practised: (sessions: number) =>
    sessions === 0 ? 'no session' : sessions === 1 ? '1 session' : `${sessions} sessions`,
  today: 'today',
  showTable: 'Show as a table',
  session: 'Session',
  firingTitle: 'When each glute fired',
  firingSummary: (points: number) =>
    `The rep at which your left and right glutes first fired, over ${points} sessions. Lower is better.`,
  left: 'Left glute',
  right: 'Right glute',
  notFired: 'did not fire',
  repAxis: 'rep',
  balanceTitle: 'Balance at the end',
  balanceSummary: 'Which side felt stronger in the last set of each session.',
  balance: 'Balance',
  balanceTicks: { '-1': 'Left stronger', '0': 'Even', '1': 'Right stronger' },
  notReported: 'not reported',
  outcomeTitle: 'Glutes that woke up',
  outcomeSummary: 'How many glutes fired during the wake-up of each session: none, one or both.',
  glutesAwake: 'Glutes awake',
  outcome: {
    activated: 'Both',
    'one-side': 'One',
    'not-yet': 'None yet',
    stopped: 'Stopped early',
    completed: 'No wake-up',
    'in-progress': 'In progress',
  } satisfies Record<Outcome | 'in-progress', string>,
  symptomsTitle: 'How your body felt',
  symptomsSummary: 'The scores you gave after each session, from 0 (none) to 10 (worst).',
  symptoms: {
    knee: 'Knee pain',
    foot: 'Foot pain',
    hamstringCramping: 'Hamstring cramping',
    backStiffness: 'Back stiffness',
  } satisfies Record<Symptom, string>,
  noSymptoms: 'No symptom scores yet. You can add them at the end of a session.',
} as const;

export const ladderMessages = {
  title: 'Your exercises',
  intro:
    'Each exercise builds on the one before. The next one unlocks when your glutes fire early and evenly, session after session.',
  state: {
    open: 'Ready to practise',
    ready: 'Unlocked',
    'unlocked-early': 'Unlocked early',
    held: 'Not yet, says your therapist',
    locked: 'Locked',
  } satisfies Record<RungState, string>,
  openedByTherapist: 'Your therapist opened this one for you.',
  stillToDo: 'Still to do',
  practiceDays: (have: number, need: number, within: number) =>
    `Practice days: ${have} of ${need} in the last ${within} days`,
  goodSessions: (have: number, need: number) => `Strong sessions in a row: ${have} of ${need}`,
  start: (name: string) => `Start ${name.toLowerCase()}`,
  withPreActivation: (reps: number) => `Begin with ${reps} ankle squeezes to wake your glutes`,
  unlockEarly: 'Unlock early',
  cautionTitle: 'Before you move on',
  caution: [
    'Harder exercises are easier for the hamstrings and low back to take over. Waking the glutes first is what makes them work.',
    'If you move on now, go gently, keep checking where you feel it, and go back a step if the glutes go quiet.',
    'Stop at once on sharp pain.',
  ],
  confirmUnlock: 'Unlock anyway',
  cancel: 'Not yet',
  unlockedNote: 'Unlocked. It stays open from now on.',
  startFailed: 'Could not start that session. Please try again.',
} as const;
