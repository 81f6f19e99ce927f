// A session's events as the client's therapist may see them, for exports
// that are rebuilt from the log (the CSV tables, the check-in times): the
// same filter as sync/shared-with-staff.ts applies to summaries, applied to
// the events. Invariants: pure; an event is never dropped (so event counts
// stay true), only its withheld content is emptied: a symptoms.logged event
// keeps no scores unless symptoms are shared and no note unless notes are;
// every other event is passed on unchanged.
import type { SessionEvent } from '@glutewake/core';
import type { Sharing } from '../storage/types.js';

export function eventsSharedWithStaff(
  events: readonly SessionEvent[],
  sharing: Pick<Sharing, 'symptoms' | 'notes'>,
): SessionEvent[] {
  return events.map((event): SessionEvent => {
    if (event.type !== 'symptoms.logged') return event;
    const { note, symptoms, ...rest } = event;
    return {
      ...rest,
      symptoms: sharing.symptoms ? symptoms : {},
      ...(sharing.notes && note !== undefined ? { note } : {}),
    };
  });
}
