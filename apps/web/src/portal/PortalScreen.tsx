// The therapist portal (#/portal...), loaded only when a staff member opens
// it, so a client's app never downloads it. It checks who is signed in: on a
// fresh server it offers the clinic setup, otherwise the staff sign-in; once
// in, a header with the portal's sections and the section itself. Client
// detail, the protocols, invitations and the audit log load lazily in turn
// (the detail carries the chart library).
import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../account/api.js';
import type { Me } from '../account/types.js';
import { lazyScreen } from '../ui/lazy-screen.js';
import { ClientList } from './ClientList.js';
import { portalMessages as t } from './messages.js';
import { portalHref, portalViewOf, type PortalView } from './routes.js';
import { StaffGate } from './StaffGate.js';
import type { ClientWithFigures } from './types.js';
import './portal.css';

const loadWords = {
  loading: t.loading,
  failed: 'This part of the portal could not load. Please try again.',
};
const ClientDetail = lazyScreen(
  () => import('./ClientDetail.js').then((m) => m.ClientDetail),
  loadWords,
);
const Invitations = lazyScreen(
  () => import('./Invitations.js').then((m) => m.Invitations),
  loadWords,
);
const Protocols = lazyScreen(() => import('./Protocols.js').then((m) => m.Protocols), loadWords);
const AuditLog = lazyScreen(() => import('./AuditLog.js').then((m) => m.AuditLog), loadWords);

type Gate =
  { state: 'checking' } | { state: 'signed-out'; setupNeeded: boolean } | { state: 'in'; me: Me };

export function PortalScreen({ rest }: { rest: string }) {
  const view = portalViewOf(rest);
  const [gate, setGate] = useState<Gate>({ state: 'checking' });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const me = await apiCall<Me>('GET', '/api/me');
      if (me.ok) return setGate({ state: 'in', me: me.value });
      if (me.status !== 401) setProblem(me.message);
      const setup = await apiCall<{ needed: boolean }>('GET', '/api/setup');
      setGate({ state: 'signed-out', setupNeeded: setup.ok && setup.value.needed });
    })();
  }, []);
  useEffect(() => {
    // A new section of the portal starts at the top, with focus on the app.
    document.getElementById('app')?.focus();
    scrollTo(0, 0);
  }, [rest]);
  useEffect(() => {
    document.body.classList.add('in-portal');
    return () => document.body.classList.remove('in-portal');
  }, []);

  const signOut = async () => {
    await apiCall('POST', '/api/auth/sign-out');
    setGate({ state: 'signed-out', setupNeeded: false });
  };

  if (gate.state !== 'in') {
    return (
      <main class="screen portal-gate">
        <a class="nav-link back" href="#/settings">
          ← {t.back}
        </a>
        {gate.state === 'checking' ? (
          <p role="status">{t.loading}</p>
        ) : (
          <StaffGate
            setupNeeded={gate.setupNeeded}
            onSignedIn={(me) => setGate({ state: 'in', me })}
          />
        )}
        {problem && <p class="notice error">{problem}</p>}
      </main>
    );
  }
  const { me } = gate;
  if (me.role === 'client') {
    return (
      <main class="screen portal-gate">
        <p class="notice">{t.gate.clientAccount}</p>
        <button type="button" class="secondary" onClick={() => void signOut()}>
          {t.signOut}
        </button>
      </main>
    );
  }
  return (
    <div class="portal">
      <PortalHeader me={me} view={view} onSignOut={() => void signOut()} />
      {view.name === 'clients' && <ClientsView />}
      {view.name === 'client' && <ClientDetail clientId={view.clientId} me={me} />}
      {view.name === 'protocols' && <Protocols />}
      {view.name === 'invitations' && <Invitations me={me} />}
      {view.name === 'audit' && me.role === 'owner' && <AuditLog />}
      {view.name === 'audit' && me.role !== 'owner' && <ClientsView />}
    </div>
  );
}

function PortalHeader(props: { me: Me; view: PortalView; onSignOut(): void }) {
  const section = props.view.name === 'client' ? 'clients' : props.view.name;
  const links: { name: 'clients' | 'protocols' | 'invitations' | 'audit'; label: string }[] = [
    { name: 'clients', label: t.nav.clients },
    { name: 'protocols', label: t.nav.protocols },
    { name: 'invitations', label: t.nav.invitations },
    ...(props.me.role === 'owner' ? [{ name: 'audit' as const, label: t.nav.audit }] : []),
  ];
  return (
    <header class="portal-header">
      <p class="portal-who">
        <strong>{t.title}</strong>
        <span class="hint">{t.signedInAs(props.me.displayName, props.me.clinic.name)}</span>
      </p>
      <nav aria-label={t.nav.label}>
        <ul>
          {links.map((link) => (
            <li key={link.name}>
              <a
                class="nav-link"
                href={portalHref({ name: link.name })}
                aria-current={section === link.name ? 'page' : undefined}
              >
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <button type="button" class="secondary small" onClick={props.onSignOut}>
        {t.signOut}
      </button>
    </header>
  );
}

function ClientsView() {
  const [clients, setClients] = useState<readonly ClientWithFigures[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  useEffect(() => {
    void apiCall<{ clients: ClientWithFigures[] }>('GET', '/api/clients').then((result) => {
      if (result.ok) setClients(result.value.clients);
      else setProblem(result.message);
    });
  }, []);
  return (
    <main class="portal-main" aria-busy={clients === null && problem === null}>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
      {clients === null && problem === null && <p role="status">{t.loading}</p>}
      {clients && <ClientList clients={clients} now={now} />}
    </main>
  );
}
