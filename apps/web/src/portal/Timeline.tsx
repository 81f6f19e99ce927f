// A client's sessions, newest first: one line each (when, how the wake-up
// went, the program version it ran when it ran one, the rep each glute
// fired, the balance at the end), opening to the check-ins as they happened:
// where in the session, what was felt, and the cues the coach gave, in the
// protocol's own words. Long histories show in pages of 20.
import { useState } from 'preact/hooks';
import { dateTime } from './format.js';
import {
  cueText,
  feltText,
  OUTCOME_LABELS,
  protocolOf,
  SYMPTOM_LABELS,
  whereInSession,
} from './session-words.js';
import { portalMessages as t } from './messages.js';
import type { TimelineSession } from './types.js';

const PAGE = 20;

export function Timeline({ sessions }: { sessions: readonly TimelineSession[] }) {
  const [shown, setShown] = useState(PAGE);
  if (sessions.length === 0) {
    return (
      <section class="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Sessions</h2>
        <p class="hint">No sessions shared yet.</p>
      </section>
    );
  }
  return (
    <section class="card timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Sessions</h2>
      <ol class="sessions">
        {sessions.slice(0, shown).map((session) => (
          <SessionItem key={session.sessionId} session={session} />
        ))}
      </ol>
      {shown < sessions.length && (
        <button type="button" class="secondary small" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, sessions.length - shown)} more ({sessions.length - shown} older)
        </button>
      )}
    </section>
  );
}

function SessionItem({ session }: { session: TimelineSession }) {
  const protocol = protocolOf(session.protocol);
  const rep = (value: number | null) => (value === null ? 'not yet' : `rep ${value}`);
  return (
    <li>
      <details>
        <summary>
          <span class="session-when">
            {session.startedAt === null ? 'Unknown time' : dateTime(session.startedAt)}
          </span>
          <span class="session-what">
            {protocol?.name ?? session.protocol?.id ?? 'Session'}:{' '}
            {OUTCOME_LABELS[session.outcome] ?? session.outcome}
            {session.program && (
              <span class="session-program"> · Program version {session.program.version}</span>
            )}
          </span>
          <span class="session-figures">
            Left {rep(session.leftFiredAtRep)} · Right {rep(session.rightFiredAtRep)}
            {session.lastBalance && ` · ${t.balance[session.lastBalance] ?? session.lastBalance}`}
          </span>
        </summary>
        {session.checkIns.length === 0 ? (
          <p class="hint">No check-ins in this session.</p>
        ) : (
          <table class="plain-table check-ins">
            <caption class="visually-hidden">Check-ins of this session</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Felt</th>
                <th scope="col">Cues given</th>
              </tr>
            </thead>
            <tbody>
              {session.checkIns.map((checkIn, i) => (
                <tr key={i}>
                  <th scope="row">
                    {whereInSession(checkIn)}
                    {checkIn.source === 'spontaneous' && (
                      <span class="hint sub">said by the client</span>
                    )}
                  </th>
                  <td>
                    {feltText(checkIn.felt)}
                    {checkIn.balance && (
                      <span class="hint sub">{t.balance[checkIn.balance] ?? checkIn.balance}</span>
                    )}
                  </td>
                  <td>
                    {checkIn.cues.length === 0 ? (
                      <span class="hint">–</span>
                    ) : (
                      <ul class="cues">
                        {checkIn.cues.map((cue) => (
                          <li key={cue}>{cueText(protocol, cue, checkIn)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {(session.symptoms || session.note) && (
          <p class="hint">
            {session.symptoms &&
              `Symptoms: ${Object.entries(session.symptoms)
                .map(([name, value]) => `${SYMPTOM_LABELS[name] ?? name} ${value}`)
                .join(', ')}. `}
            {session.note && `Client's note: “${session.note}”`}
          </p>
        )}
      </details>
    </li>
  );
}
