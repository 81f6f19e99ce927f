// What a client's therapist may see of their sessions, by the client's own
// sharing choices (storage/types.ts `Sharing`): every session or only those
// started since the client joined the clinic, symptoms or not, notes or not.
// Invariants: pure; a withheld field is null everywhere it appears (the
// figures and the full summary alike), never an empty-looking value; the
// therapist portal applies this to every staff read of session summaries.
import type { Sharing, StoredSessionSummary } from '../storage/types.js';

export function sessionsSharedWithStaff(
  sessions: readonly StoredSessionSummary[],
  sharing: Sharing,
  clientJoinedAt: number,
): StoredSessionSummary[] {
  return sessions
    .filter(
      (session) =>
        sharing.history === 'all' ||
        (session.startedAt !== null && session.startedAt >= clientJoinedAt),
    )
    .map((session) => ({
      ...session,
      symptoms: sharing.symptoms ? session.symptoms : null,
      note: sharing.notes ? session.note : null,
      summary: {
        ...session.summary,
        symptoms: sharing.symptoms ? session.summary.symptoms : null,
        note: sharing.notes ? session.summary.note : null,
      },
    }));
}
