// What a client's therapist may see of their sessions, by the client's own
// sharing choices (storage/types.ts `Sharing`): every session or only those
// started since the client joined the clinic, symptoms or not, notes or not.
// Invariants: pure; a withheld field is null everywhere it appears (the
// figures and the full summary alike), never an empty-looking value; the
// therapist portal applies this to every staff read of session summaries;
// what is shared whole is handed back as it came, not copied.
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
  const shown =
    sharing.history === 'all'
      ? sessions
      : sessions.filter((s) => s.startedAt !== null && s.startedAt >= clientJoinedAt);
  // Sharing everything (the default) withholds nothing: no copies to make.
  if (sharing.symptoms && sharing.notes) return [...shown];
  return shown.map((session) => withheld(session, sharing));
}

/** A copy of the session without the fields its client does not share. */
function withheld<T extends Shareable>(session: T, sharing: Sharing): T {
  const copy: T = { ...session };
  if (!sharing.symptoms) copy.symptoms = null;
  if (!sharing.notes && session.note !== undefined) copy.note = null;
  if (session.summary !== undefined) {
    copy.summary = {
      ...session.summary,
      symptoms: sharing.symptoms ? session.summary.symptoms : null,
      note: sharing.notes ? session.summary.note : null,
    };
  }
  return copy;
}
