// The names and format version of session events, apart from their schema so
// that apps can use them without shipping the validation library.
export const EVENT_SCHEMA_VERSION = 1;

export const SESSION_EVENT_TYPES = [
  'session.started',
  'rep.completed',
  'felt',
  'checkIn.answered',
  'checkIn.timedOut',
  'balance.reported',
  'session.paused',
  'session.resumed',
  'session.stopped',
  'symptoms.logged',
] as const;
