// What a client's therapist may see of their sessions, by the client's own
// sharing choices (storage/types.ts `Sharing`): every session or only those
// started since the client joined the clinic, symptoms or not, notes or not.
// Invariants: pure; a withheld field is null everywhere it appears (the
// figures and the full summary alike), never an empty-looking value; the
// therapist portal applies this to every staff read of session summaries.
import type { SessionSummary } from '@glutewake/core';
import type { SessionFigures, Sharing } from '../storage/types.js';

type Shareable = Pick<SessionFigures, 'startedAt' | 'symptoms'> & {
  note?: string | null;
  summary?: SessionSummary;
};

export function sessionsSharedWithStaff<T extends Shareable>(
  sessions: readonly T[],
  sharing: Sharing,
  clientJoinedAt: number,
): T[] {
  return sessions
    .filter(
      (session) =>
        sharing.history === 'all' ||
        (session.startedAt !== null && session.startedAt >= clientJoinedAt),
    )
    .map((session) => ({
      ...session,
      symptoms: sharing.symptoms ? session.symptoms : null,
      ...(session.note === undefined ? {} : { note: sharing.notes ? session.note : null }),
      ...(session.summary === undefined
        ? {}
        : {
            summary: {
              ...session.summary,
              symptoms: sharing.symptoms ? session.summary.symptoms : null,
              note: sharing.notes ? session.summary.note : null,
            },
          }),
    }));
}
