// The clinic's audit log (#/portal/audit, the owner only): newest first, in
// pages of 50, each entry as a sentence-like row: when, who, what, about
// whom, and from which address. Names come from the clinic's accounts.
import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../account/api.js';
import { dateTime } from './format.js';
import type { AuditEntry, ClientAccount } from './types.js';

const PAGE = 50;

const KINDS: Record<string, string> = {
  'sign-in.succeeded': 'Signed in',
  'sign-in.failed': 'Sign-in failed',
  'sign-in.rate-limited': 'Sign-in limited (too many tries)',
  'signed-out': 'Signed out',
  'access.denied': 'Refused access',
  'client-data.read': 'Read client data',
  'setup.done': 'Set up the clinic',
  'invitation.created': 'Created an invitation',
  'invitation.accepted': 'Accepted an invitation',
  'invitation.revoked': 'Revoked an invitation',
  'account.disabled': 'Disabled an account',
  'therapist.removed': 'Removed a therapist',
  'sharing.changed': 'Changed what they share',
  'program.assigned': 'Assigned a program',
};

const VIEWS: Record<string, string> = {
  'client-list': 'the client list',
  client: 'a client',
  'client-sessions': 'sessions',
  'client-notes': 'notes',
};

function detailText(entry: AuditEntry): string {
  const d = entry.detail;
  if (d === null) return '';
  if (typeof d.view === 'string') return VIEWS[d.view] ?? d.view;
  return Object.entries(d)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value)}`,
    )
    .join(', ');
}

export function AuditLog() {
  const [pages, setPages] = useState<AuditEntry[][]>([]);
  const [page, setPage] = useState(0);
  const [nextBefore, setNextBefore] = useState<(number | null)[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);

  const loadPage = async (index: number, before: number | null) => {
    const query = before === null ? `?limit=${PAGE}` : `?limit=${PAGE}&before=${before}`;
    const result = await apiCall<{ entries: AuditEntry[]; nextBefore: number | null }>(
      'GET',
      `/api/audit${query}`,
    );
    if (!result.ok) return setProblem(result.message);
    setPages((all) => Object.assign([...all], { [index]: result.value.entries }));
    setNextBefore((all) => Object.assign([...all], { [index]: result.value.nextBefore }));
    setPage(index);
  };
  useEffect(() => {
    void loadPage(0, null);
    void Promise.all([
      apiCall<{ clients: ClientAccount[] }>('GET', '/api/clients'),
      apiCall<{ staff: ClientAccount[] }>('GET', '/api/staff'),
    ]).then(([clients, staff]) => {
      const known = new Map<string, string>();
      if (clients.ok) for (const c of clients.value.clients) known.set(c.id, c.displayName);
      if (staff.ok) for (const s of staff.value.staff) known.set(s.id, s.displayName);
      setNames(known);
    });
  }, []);

  const entries = pages[page] ?? [];
  const next = nextBefore[page] ?? null;
  const who = (id: string | null) => (id === null ? '—' : (names.get(id) ?? `${id.slice(0, 8)}…`));
  return (
    <main class="portal-main audit" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <p class="hint">
        Every sign-in, every read of a client’s data and every change, newest first.
      </p>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Audit log table">
        <table class="plain-table audit-table">
          <caption class="visually-hidden">Audit log, page {page + 1}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">About</th>
              <th scope="col">Details</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{dateTime(entry.at)}</td>
                <td>{who(entry.actorId)}</td>
                <th scope="row">{KINDS[entry.kind] ?? entry.kind}</th>
                <td>{entry.subjectId === null ? '—' : who(entry.subjectId)}</td>
                <td>{detailText(entry)}</td>
                <td>{entry.address ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="button-row pager" aria-label="Audit log pages">
        <button
          type="button"
          class="secondary small"
          disabled={page === 0}
          onClick={() => setPage(page - 1)}
        >
          Newer
        </button>
        <span class="hint" aria-live="polite">
          Page {page + 1}
        </span>
        <button
          type="button"
          class="secondary small"
          disabled={next === null}
          onClick={() => (pages[page + 1] ? setPage(page + 1) : void loadPage(page + 1, next))}
        >
          Older
        </button>
      </nav>
    </main>
  );
}
