// The one-page summary of a client for a paper chart. On screen it is
// hidden; the print stylesheet (portal.css) hides everything else and shows
// only this, sized to fit one A4 or Letter page: who and when, the figures
// at a glance, readiness and flags, where it was felt, the last sessions,
// the latest symptom scores and the latest private notes.
import { feltCounts, type FeltCounts } from './BodyHeatMap.js';
import { longDate, shortDate } from './format.js';
import { portalMessages as t } from './messages.js';
import type { Note } from './NotesPanel.js';
import { OUTCOME_LABELS, REGION_LABELS, SYMPTOM_LABELS } from './session-words.js';
import type { ClientAccount, ClientWithFigures, TimelineSession } from './types.js';

const SESSIONS_ON_PAGE = 10;
const NOTES_ON_PAGE = 3;

export interface PrintSummaryProps {
  client: ClientAccount;
  figures: ClientWithFigures['figures'] | null;
  sessions: readonly TimelineSession[];
  notes: readonly Note[];
  clinicName: string;
  now: number;
}

export function PrintSummary(props: PrintSummaryProps) {
  const { client, figures, sessions, now } = props;
  const felt: FeltCounts = feltCounts(sessions, now);
  const latestScored = sessions.find(
    (s) => s.symptoms !== null && Object.keys(s.symptoms).length > 0,
  );
  const rep = (v: number | null) => (v === null ? '–' : String(v));
  const readiness = figures?.readiness ?? null;
  return (
    <section class="print-summary">
      <header>
        <h1>{client.displayName}</h1>
        <p>
          {props.clinicName} · Summary of {longDate(now)} · Client since {longDate(client.joinedAt)}
        </p>
      </header>
      {figures && (
        <ul class="print-figures">
          <li>
            <strong>Last session</strong>{' '}
            {figures.lastSessionAt === null ? t.list.never : shortDate(figures.lastSessionAt)}
          </li>
          <li>
            <strong>Last 14 days</strong> {figures.sessionsLast14Days} sessions on{' '}
            {figures.practiceDaysLast14} days
          </li>
          <li>
            <strong>Latest balance</strong>{' '}
            {figures.latestBalance
              ? (t.balance[figures.latestBalance] ?? figures.latestBalance)
              : '–'}
          </li>
          <li>
            <strong>Next exercise</strong>{' '}
            {readiness === null || readiness.next === null
              ? '–'
              : readiness.ready
                ? t.readiness.ready(readiness.next.name)
                : `${readiness.next.name}: ${readiness.missing.join('; ')}`}
          </li>
          <li>
            <strong>Needs attention</strong>{' '}
            {figures.flags.length === 0
              ? 'Nothing'
              : figures.flags.map((f) => t.flags[f]).join(', ')}
          </li>
        </ul>
      )}
      <div class="print-columns">
        <div>
          <h2>Last sessions</h2>
          <table>
            <thead>
              <tr>
                <th>Date</th>
                <th>Wake-up</th>
                <th>Left</th>
                <th>Right</th>
                <th>Balance</th>
              </tr>
            </thead>
            <tbody>
              {sessions.slice(0, SESSIONS_ON_PAGE).map((s) => (
                <tr key={s.sessionId}>
                  <td>{s.startedAt === null ? '–' : shortDate(s.startedAt)}</td>
                  <td>{OUTCOME_LABELS[s.outcome] ?? s.outcome}</td>
                  <td>{rep(s.leftFiredAtRep)}</td>
                  <td>{rep(s.rightFiredAtRep)}</td>
                  <td>{s.lastBalance ? (t.balance[s.lastBalance] ?? s.lastBalance) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="print-small">Left and right: the rep at which each glute first fired.</p>
        </div>
        <div>
          <h2>Where it was felt (14 days)</h2>
          <p>
            {felt.answered === 0
              ? 'No answered check-ins.'
              : ['left', 'right', 'thighs', 'hamstrings', 'back', 'none']
                  .map(
                    (r) =>
                      `${REGION_LABELS[r]} ${Math.round(((felt.counts[r] ?? 0) / felt.answered) * 100)}%`,
                  )
                  .join(' · ')}
          </p>
          <h2>Latest symptoms</h2>
          <p>
            {latestScored?.symptoms
              ? Object.entries(latestScored.symptoms)
                  .map(([name, value]) => `${SYMPTOM_LABELS[name] ?? name} ${value}/10`)
                  .join(' · ')
              : 'None shared.'}
          </p>
          <h2>Private notes</h2>
          {props.notes.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul>
              {props.notes.slice(0, NOTES_ON_PAGE).map((note) => (
                <li key={note.noteId}>
                  {shortDate(note.createdAt)}:{' '}
                  {note.text.length > 300 ? `${note.text.slice(0, 300)}…` : note.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <footer class="print-small">Glutewake is a practice guide, not medical advice.</footer>
    </section>
  );
}
