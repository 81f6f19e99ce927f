// How other screens link to Reminders: its route and words, kept apart from
// the screen's own messages so the first screen carries only these.
export const remindersLink = {
  href: '#/reminders',
  label: 'Reminders',
  detail: 'A nudge at your practice time',
} as const;
