// Joining a therapist's clinic (#/join, reached from the invitation link
// /join#code=... or a typed code): what the invitation opens, then a name,
// email, password and what to share (everything by default). The code is
// taken out of the address bar at once, so it does not linger in history.
// On success the person is signed in and goes to the account screen.
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../app.js';
import { apiCall } from './api.js';
import { accountMessages as t } from './messages.js';
import { SharingChoices } from './SharingChoices.js';
import { EmailField, PasswordField, TextField } from './TextField.js';
import { SHARE_EVERYTHING, type InvitationPreview, type Me, type Sharing } from './types.js';
import './account.css';

export function JoinScreen(props: { code: string | null }) {
  const services = useServices();
  const [code] = useState(props.code);
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sharing, setSharing] = useState<Sharing>(SHARE_EVERYTHING);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (location.pathname !== '/' || location.hash.startsWith('#code=')) {
      history.replaceState(null, '', '/#/join');
    }
    if (code === null) return;
    void apiCall<InvitationPreview>('POST', '/api/invitations/inspect', { code }).then((result) => {
      if (result.ok) {
        setPreview(result.value);
        setName(result.value.nameHint ?? '');
      } else setProblem(result.message);
    });
  }, [code]);

  const join = async () => {
    if (code === null || preview === null) return;
    setBusy(true);
    setProblem(null);
    const result = await apiCall<Me>('POST', '/api/invitations/accept', {
      code,
      email: email.trim(),
      password,
      displayName: name.trim(),
      ...(preview.kind === 'client' ? { sharing } : {}),
    });
    setBusy(false);
    if (!result.ok) return setProblem(result.message);
    if (result.value.role === 'client') void services.sync?.linkAccount(result.value.id);
    location.hash = '#/account';
  };

  return (
    <main class="screen account" aria-labelledby="join-title">
      <a class="nav-link back" href="#/account">
        ← {t.title}
      </a>
      <h1 id="join-title">{t.joinTitle}</h1>
      {code === null && <p class="lead">{t.noCode}</p>}
      {code !== null && preview === null && problem === null && (
        <p role="status">{t.joinChecking}</p>
      )}
      {preview && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void join();
          }}
        >
          <p class="lead">{t.invitedBy(preview.invitedBy, preview.clinicName)}</p>
          {preview.kind !== 'client' && <p class="hint">{t.staffInvitation}</p>}
          <TextField
            label={t.yourName}
            autocomplete="name"
            maxLength={100}
            value={name}
            onInput={setName}
          />
          <EmailField label={t.email} value={email} onInput={setEmail} />
          <PasswordField choosing label={t.choosePassword} value={password} onInput={setPassword} />
          {preview.kind === 'client' && (
            <>
              <h2>{t.sharingTitle}</h2>
              <SharingChoices value={sharing} onChange={setSharing} />
            </>
          )}
          <p class="hint">{t.keepsLocal}</p>
          <button type="submit" class="primary big" disabled={busy}>
            {t.join}
          </button>
        </form>
      )}
      <div role="alert" class="account-problem">
        {problem && <p class="notice error">{problem}</p>}
      </div>
    </main>
  );
}
