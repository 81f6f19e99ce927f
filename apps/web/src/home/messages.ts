// The words of Home's glance cards. Plain, warm, short English.
export const homeMessages = {
  doneToday: 'Done for today. Nice work.',
  notYetToday: 'Not practised yet today',
  streak: (days: number) => (days === 1 ? 'First day of a new streak.' : `${days} days in a row.`),
  lastSession: 'Last session',
  firedAt: (rep: number | null) => (rep === null ? 'not yet' : `rep ${rep}`),
  balance: 'Balance',
  today: (name: string) => `Today: ${name.toLowerCase()}`,
  change: 'Choose another exercise',
  nextTitle: (name: string) => `Next step: ${name.toLowerCase()}`,
  unlockedTitle: (name: string) => `Open to you now: ${name.toLowerCase()}`,
  unlockedDetail:
    'Start it from your exercises when you are ready, with a short warm-up of ankle squeezes first.',
  practiceDays: (have: number, need: number) => `Practice days: ${have} of ${need}`,
  strongSessions: (have: number, need: number) => `Strong sessions in a row: ${have} of ${need}`,
  stillToDo: (lines: readonly string[]) => `Still to do: ${lines.join('; ')}.`,
  seeExercises: 'See your exercises',
  progress: 'Progress',
  exercises: 'Exercises',
  fromTherapist: 'From your therapist',
} as const;
