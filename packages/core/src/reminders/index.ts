// Practice reminders: when one is due, when the next falls, and the same
// schedule as an iCalendar file for the person's own calendar app.
export {
  isReminderDue,
  nextReminderAt,
  isReminderTime,
  minutesOfTime,
  timeOfMinutes,
  weekOrder,
  type ReminderSchedule,
  type LocalNow,
  type LocalMoment,
} from './schedule.js';
export {
  reminderCalendar,
  REMINDER_WORDS,
  REMINDER_PRODID,
  type ReminderCalendarOptions,
} from './ical.js';
