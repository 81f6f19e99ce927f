// Every word about practice reminders: the Reminders screen, the banner on
// Home and the notification. Plain, warm, short English; honest about what
// a browser can and cannot do.
import type { Weekday } from '@glutewake/core';

export const DAY_NAMES: Record<Weekday, { short: string; long: string }> = {
  MO: { short: 'Mon', long: 'Monday' },
  TU: { short: 'Tue', long: 'Tuesday' },
  WE: { short: 'Wed', long: 'Wednesday' },
  TH: { short: 'Thu', long: 'Thursday' },
  FR: { short: 'Fri', long: 'Friday' },
  SA: { short: 'Sat', long: 'Saturday' },
  SU: { short: 'Sun', long: 'Sunday' },
};

/** "7:30 AM" (or "07:30", as the device's language writes times) for "07:30". */
export function spokenTime(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return new Date(2000, 0, 1, hours, minutes).toLocaleTimeString(undefined, {
    hour: 'numeric',
    minute: '2-digit',
  });
}

function dayList(days: readonly Weekday[]): string {
  if (days.length === 7) return 'every day';
  if (days.length === 5 && !days.includes('SA') && !days.includes('SU')) return 'on weekdays';
  return `on ${days.map((day) => DAY_NAMES[day].short).join(', ')}`;
}

export const reminderMessages = {
  title: 'Reminders',
  back: 'Settings',
  intro:
    'A gentle nudge on the days you choose. A few minutes, most days, is what wakes glutes up.',
  loading: 'Loading…',

  whenTitle: 'When',
  time: 'Time',
  days: 'Days',
  chooseADay: 'Choose at least one day.',
  save: 'Save reminder',
  saved: 'Saved.',
  current: (time: string, days: readonly Weekday[]) =>
    `Your reminder: ${dayList(days)} at ${spokenTime(time)}.`,
  none: 'No reminder set yet.',
  remove: 'Remove reminder',
  removed: 'Reminder removed. Remove it from your calendar app too, if you added it there.',

  calendarTitle: 'In your calendar',
  calendarHint:
    'Your calendar app reminds you even when Glutewake is closed, so this is the dependable reminder.',
  calendarButton: 'Add to my calendar',
  calendarDone: 'Calendar file saved. Open it to add the reminder to your calendar.',

  notifyTitle: 'Notifications',
  notifyHint:
    'Glutewake can also show a notification at your practice time, but your browser can only do this while Glutewake is open in a tab, or installed and running.',
  notifyOn: 'Turn on notifications',
  notifyOff: 'Turn off notifications',
  notifyIsOn: 'Notifications are on.',
  notifyIsOff: 'Notifications are off.',
  notifyBlocked:
    'Notifications are blocked for Glutewake in your browser settings. The calendar file still works.',
  notifyUnsupported: 'This browser cannot show notifications. The calendar file still works.',
  notifyNeedsReminder: 'Save a reminder first.',
  next: (when: string) => `Next one: ${when}.`,

  inApp: 'When Glutewake is open on a practice day after your time, Home shows a reminder too.',

  bannerDue: (time: string) =>
    `It's past your practice time (${spokenTime(time)}). A few quiet minutes whenever you're ready.`,
  notificationTitle: 'Glute practice time',
  notificationBody: 'A few quiet minutes for your glutes, whenever you are ready.',
  failed: 'That did not work. Please try again.',
};
