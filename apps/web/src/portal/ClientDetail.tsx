// One client in the portal (#/portal/clients/<id>): who they are and their
// figures at a glance, their program (with its editor and history), where
// they felt it over the last two weeks (body map and table), their symptom
// charts, the timeline of sessions with each check-in, the therapist's
// private notes, exports, and a one-page printed summary ("Print summary" opens the browser's print dialog; the print
// stylesheet leaves only the summary).
import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../account/api.js';
import type { Me } from '../account/types.js';
import { BodyHeatMap, feltCounts } from './BodyHeatMap.js';
import { FlagBadges } from './FlagBadges.js';
import { longDate } from './format.js';
import { NotesPanel, type Note } from './NotesPanel.js';
import { PrintSummary } from './PrintSummary.js';
import { ProgramPanel } from './ProgramPanel.js';
import { ReadinessCell } from './ReadinessCell.js';
import { SymptomCharts } from './SymptomCharts.js';
import { Timeline } from './Timeline.js';
import type { ClientAccount, ClientWithFigures, TimelineSession } from './types.js';

interface Loaded {
  client: ClientAccount;
  figures: ClientWithFigures['figures'] | null;
  sessions: TimelineSession[];
}

export function ClientDetail({ clientId, me }: { clientId: string; me: Me }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notes, setNotes] = useState<readonly Note[]>([]);
  const [now] = useState(() => Date.now());
  useEffect(() => {
    void (async () => {
      const [client, sessions, list] = await Promise.all([
        apiCall<ClientAccount>('GET', `/api/clients/${clientId}`),
        apiCall<{ sessions: TimelineSession[] }>('GET', `/api/clients/${clientId}/sessions`),
        apiCall<{ clients: ClientWithFigures[] }>('GET', '/api/clients'),
      ]);
      if (!client.ok) return setProblem(client.message);
      if (!sessions.ok) return setProblem(sessions.message);
      const figures = list.ok
        ? (list.value.clients.find((c) => c.id === clientId)?.figures ?? null)
        : null;
      setLoaded({ client: client.value, figures, sessions: sessions.value.sessions });
    })();
  }, [clientId]);

  if (loaded === null) {
    return (
      <main class="portal-main">
        <a class="nav-link" href="#/portal">
          ← All clients
        </a>
        {problem ? (
          <p class="notice error" role="alert">
            {problem}
          </p>
        ) : (
          <p role="status">Loading…</p>
        )}
      </main>
    );
  }
  const { client, figures, sessions } = loaded;
  const sharing = client.sharing;
  return (
    <>
      <main class="portal-main client-detail" aria-labelledby="client-title">
        <a class="nav-link" href="#/portal">
          ← All clients
        </a>
        <div class="detail-head">
          <div>
            <h1 id="client-title">{client.displayName}</h1>
            <p class="hint">
              {client.email} · Client since {longDate(client.joinedAt)}
              {sharing &&
                sharing.history === 'from-joining' &&
                ' · Shares sessions from joining on'}
            </p>
          </div>
          <div class="button-row detail-actions">
            <button type="button" class="primary small" onClick={() => print()}>
              Print summary
            </button>
          </div>
        </div>
        {figures && (
          <section class="card at-a-glance" aria-label="At a glance">
            <dl>
              <div>
                <dt>Sessions, last 14 days</dt>
                <dd>
                  {figures.sessionsLast14Days} on {figures.practiceDaysLast14} days
                </dd>
              </div>
              <div>
                <dt>Next exercise</dt>
                <dd>
                  <ReadinessCell readiness={figures.readiness} />
                  {figures.readiness &&
                    !figures.readiness.ready &&
                    figures.readiness.missing.length > 0 && (
                      <ul class="missing-list">
                        {figures.readiness.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    )}
                </dd>
              </div>
              <div>
                <dt>Needs attention</dt>
                <dd>
                  <FlagBadges flags={figures.flags} />
                </dd>
              </div>
            </dl>
          </section>
        )}
        <ProgramPanel clientId={client.id} me={me} />
        <div class="detail-grid">
          <section class="card" aria-label="Body map">
            <BodyHeatMap felt={feltCounts(sessions, now)} id="felt" />
          </section>
          <div class="detail-side">
            <SymptomCharts sessions={sessions} shared={sharing?.symptoms !== false} />
            <NotesPanel clientId={client.id} meId={me.id} onNotes={setNotes} />
            <ExportLinks clientId={client.id} />
          </div>
        </div>
        <Timeline sessions={sessions} />
      </main>
      <PrintSummary
        client={client}
        figures={figures}
        sessions={sessions}
        notes={notes}
        clinicName={me.clinic.name}
        now={now}
      />
    </>
  );
}

function ExportLinks({ clientId }: { clientId: string }) {
  const base = `/api/clients/${clientId}/export`;
  return (
    <section class="card exports" aria-labelledby="exports-title">
      <h2 id="exports-title">Exports</h2>
      <ul class="plain">
        <li>
          <a class="nav-link" href={`${base}/fhir`} download>
            Clinical record (FHIR, JSON)
          </a>
        </li>
        <li>
          <a class="nav-link" href={`${base}/sessions.csv`} download>
            Sessions (CSV)
          </a>
        </li>
        <li>
          <a class="nav-link" href={`${base}/checkins.csv`} download>
            Check-ins (CSV)
          </a>
        </li>
        <li>
          <a class="nav-link" href={`${base}/symptoms.csv`} download>
            Symptoms (CSV)
          </a>
        </li>
      </ul>
    </section>
  );
}
