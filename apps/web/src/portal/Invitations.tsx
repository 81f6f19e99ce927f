// Invitations (#/portal/invitations): invite a client (or, for the owner, a
// therapist) with an optional name hint; the new link, code and QR code show
// once, right away; the list below gives each invitation's status, who
// accepted it, and a way to revoke the ones still pending.
import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../account/api.js';
import type { Me } from '../account/types.js';
import { dateTime } from './format.js';
import type { ClientAccount, CreatedInvitation, Invitation } from './types.js';

/** The newest invitations show first; the rest on request. */
const SHOWN_FIRST = 20;

const STATUS: Record<Invitation['status'], string> = {
  pending: 'Waiting',
  used: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

export function Invitations({ me }: { me: Me }) {
  const [invitations, setInvitations] = useState<Invitation[] | null>(null);
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);

  const load = async () => {
    const [list, clients, staff] = await Promise.all([
      apiCall<{ invitations: Invitation[] }>('GET', '/api/invitations'),
      apiCall<{ clients: ClientAccount[] }>('GET', '/api/clients'),
      me.role === 'owner'
        ? apiCall<{ staff: ClientAccount[] }>('GET', '/api/staff')
        : Promise.resolve(null),
    ]);
    if (list.ok) setInvitations(list.value.invitations);
    else setSaid(list.message);
    const names = new Map<string, string>();
    if (clients.ok) for (const c of clients.value.clients) names.set(c.id, c.displayName);
    if (staff?.ok) for (const s of staff.value.staff) names.set(s.id, s.displayName);
    setPeople(names);
  };
  useEffect(() => void load(), []);

  const revoke = async (invitation: Invitation) => {
    const result = await apiCall('DELETE', `/api/invitations/${invitation.id}`);
    setSaid(
      result.ok
        ? `The invitation${invitation.nameHint ? ` for ${invitation.nameHint}` : ''} is revoked.`
        : result.message,
    );
    await load();
  };

  return (
    <main class="portal-main invitations" aria-labelledby="invitations-title">
      <h1 id="invitations-title">Invitations</h1>
      <NewInvitation
        canInviteStaff={me.role === 'owner'}
        onCreated={(made) => {
          setCreated(made);
          void load();
        }}
      />
      {created && <CreatedCard created={created} />}
      <p class="hint" role="status">
        {said ?? ''}
      </p>
      <section aria-labelledby="invitation-list-title">
        <h2 id="invitation-list-title">All invitations</h2>
        {invitations === null ? (
          <p class="hint">Loading…</p>
        ) : invitations.length === 0 ? (
          <p class="hint">No invitations yet.</p>
        ) : (
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Invitation table">
            <table class="plain-table invitation-table">
              <thead>
                <tr>
                  <th scope="col">For</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(showAll ? invitations : invitations.slice(0, SHOWN_FIRST)).map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row">
                      {invitation.nameHint ?? <span class="hint">No name given</span>}
                    </th>
                    <td class="invitation-kind">
                      {invitation.kind === 'client' ? 'Client' : 'Therapist'}
                    </td>
                    <td class="invitation-created">{dateTime(invitation.createdAt)}</td>
                    <td class="invitation-status">
                      <span class={`status status-${invitation.status}`}>
                        {STATUS[invitation.status]}
                      </span>
                      {invitation.status === 'used' && invitation.usedBy && (
                        <span class="sub">
                          by {people.get(invitation.usedBy) ?? 'a removed account'}
                        </span>
                      )}
                      {invitation.status === 'pending' && (
                        <span class="hint sub">until {dateTime(invitation.expiresAt)}</span>
                      )}
                    </td>
                    <td class="invitation-actions">
                      {invitation.status === 'pending' && (
                        <button
                          type="button"
                          class="secondary danger small"
                          aria-label={`Revoke the invitation${invitation.nameHint ? ` for ${invitation.nameHint}` : ''}`}
                          onClick={() => void revoke(invitation)}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!showAll && invitations.length > SHOWN_FIRST && (
              <button type="button" class="secondary small" onClick={() => setShowAll(true)}>
                Show all {invitations.length} invitations
              </button>
            )}
          </div>
        )}
      </section>
    </main>
  );
}

function NewInvitation(props: {
  canInviteStaff: boolean;
  onCreated(made: CreatedInvitation): void;
}) {
  const [nameHint, setNameHint] = useState('');
  const [kind, setKind] = useState<'client' | 'therapist'>('client');
  const [problem, setProblem] = useState<string | null>(null);
  const create = async () => {
    setProblem(null);
    const name = nameHint.trim();
    const result = await apiCall<CreatedInvitation>('POST', '/api/invitations', {
      kind,
      ...(name ? { nameHint: name } : {}),
    });
    if (!result.ok) return setProblem(result.message);
    setNameHint('');
    props.onCreated(result.value);
  };
  return (
    <form
      class="card new-invitation"
      aria-labelledby="new-invitation-title"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h2 id="new-invitation-title">Invite someone</h2>
      <div class="filters">
        <label class="field">
          <span>Their name (optional)</span>
          <input
            type="text"
            maxLength={80}
            value={nameHint}
            onInput={(e) => setNameHint(e.currentTarget.value)}
          />
        </label>
        {props.canInviteStaff && (
          <label class="field">
            <span>Invite as</span>
            <select
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as 'client' | 'therapist')}
            >
              <option value="client">A client</option>
              <option value="therapist">A therapist</option>
            </select>
          </label>
        )}
        <button type="submit" class="primary small">
          Create invitation
        </button>
      </div>
      <div role="alert">{problem && <p class="notice error">{problem}</p>}</div>
    </form>
  );
}

function CreatedCard({ created }: { created: CreatedInvitation }) {
  const [copied, setCopied] = useState(false);
  const who = created.invitation.nameHint ?? 'them';
  return (
    <section class="card created" aria-labelledby="created-title">
      <h2 id="created-title">Invitation ready for {who}</h2>
      <p>Send the link, read out the code, or let them scan the QR code. It works once.</p>
      <div class="created-body">
        <div
          class="qr"
          role="img"
          aria-label={`QR code of the invitation link for ${who}`}
          // The server renders the QR code as SVG from the link alone.
          dangerouslySetInnerHTML={{ __html: created.qrSvg }}
        />
        <dl>
          <dt>Code</dt>
          <dd class="code">{created.code}</dd>
          <dt>Link</dt>
          <dd>
            <a href={created.link} class="link-text">
              {created.link}
            </a>
          </dd>
        </dl>
      </div>
      <button
        type="button"
        class="secondary small"
        onClick={() =>
          void navigator.clipboard?.writeText(created.link).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        Copy the link
      </button>
      <p class="hint" role="status">
        {copied ? 'Link copied.' : ''}
      </p>
    </section>
  );
}
