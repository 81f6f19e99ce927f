// The account screen (#/account): without an account, a way in by
// invitation code and a sign-in form, and the plain word that nothing needs
// one; signed in, who and which clinic, what a client shares (changeable at
// any time), the state of sync, and signing out. Signing out never touches
// the sessions on this device.
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../app.js';
import { apiCall } from './api.js';
import { accountMessages as t } from './messages.js';
import { SharingChoices } from './SharingChoices.js';
import { SyncCard } from './SyncCard.js';
import { EmailField, PasswordField, TextField } from './TextField.js';
import type { Me, Sharing } from './types.js';
import './account.css';

export function AccountScreen() {
  const services = useServices();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [said, setSaid] = useState<string | null>(null);

  const signedIn = (account: Me) => {
    setMe(account);
    setSaid(null);
    if (account.role === 'client') void services.sync?.linkAccount(account.id);
  };
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    const check = () =>
      void apiCall<Me>('GET', '/api/me').then((result) => {
        setOffline(!result.ok && result.status === 0);
        if (result.ok) return signedIn(result.value);
        setMe(null);
        if (result.status === 401) void services.sync?.signedOut();
      });
    check();
    addEventListener('online', check);
    return () => removeEventListener('online', check);
  }, []);

  const signOut = async () => {
    await apiCall('POST', '/api/auth/sign-out');
    await services.sync?.signedOut();
    setMe(null);
    setSaid(t.signedOut);
  };

  return (
    <main class="screen account" aria-labelledby="account-title">
      <a class="nav-link back" href="#/settings">
        ← {t.back}
      </a>
      <h1 id="account-title">{t.title}</h1>
      {me === undefined && <p role="status">{t.loading}</p>}
      {me === null && offline && (
        <>
          <p class="notice" role="status">
            {t.offline}
          </p>
          <SyncCard />
        </>
      )}
      {me === null && !offline && (
        <>
          <SignedOut onSignedIn={signedIn} />
          <SyncCard />
        </>
      )}
      {me && (
        <>
          <section class="card" aria-labelledby="who-title">
            <h2 id="who-title">{t.signedInAs(me.displayName, me.clinic.name)}</h2>
            <p class="hint">{me.email}</p>
            {me.role !== 'client' && <p class="hint">{t.staffNote}</p>}
            <button type="button" class="secondary" onClick={() => void signOut()}>
              {t.signOut}
            </button>
          </section>
          {me.role === 'client' && me.sharing && (
            <SharingCard sharing={me.sharing} onSaved={setMe} />
          )}
          {me.role === 'client' && <SyncCard />}
        </>
      )}
      <p class="hint" role="status">
        {said ?? ''}
      </p>
    </main>
  );
}

function SignedOut(props: { onSignedIn(me: Me): void }) {
  const [code, setCode] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    setBusy(true);
    setProblem(null);
    const result = await apiCall<Me>('POST', '/api/auth/sign-in', {
      email: email.trim(),
      password,
    });
    setBusy(false);
    if (result.ok) props.onSignedIn(result.value);
    else setProblem(result.message);
  };

  return (
    <>
      <p class="lead">{t.intro}</p>
      <form
        class="card"
        aria-labelledby="code-title"
        onSubmit={(e) => {
          e.preventDefault();
          const typed = code.replace(/\s+/g, '');
          if (typed) location.hash = `#code=${encodeURIComponent(typed)}`;
        }}
      >
        <h2 id="code-title">{t.haveCode}</h2>
        <TextField
          label={t.codeLabel}
          autocomplete="one-time-code"
          value={code}
          onInput={setCode}
        />
        <p class="hint">{t.codeHint}</p>
        <button type="submit" class="primary big">
          {t.continue}
        </button>
      </form>
      <form
        class="card"
        aria-labelledby="sign-in-title"
        onSubmit={(e) => {
          e.preventDefault();
          void signIn();
        }}
      >
        <h2 id="sign-in-title">{t.signInTitle}</h2>
        <EmailField label={t.email} value={email} onInput={setEmail} />
        <PasswordField choosing={false} label={t.password} value={password} onInput={setPassword} />
        <button type="submit" class="secondary big" disabled={busy}>
          {t.signIn}
        </button>
        <div role="alert">{problem && <p class="notice error">{problem}</p>}</div>
      </form>
    </>
  );
}

function SharingCard(props: { sharing: Sharing; onSaved(me: Me): void }) {
  const [sharing, setSharing] = useState(props.sharing);
  const [said, setSaid] = useState<string | null>(null);
  const save = async () => {
    setSaid(null);
    const result = await apiCall<Me>('PUT', '/api/me/sharing', sharing);
    if (result.ok) {
      props.onSaved(result.value);
      setSaid(t.sharingSaved);
    } else setSaid(result.message);
  };
  return (
    <form
      class="card"
      aria-labelledby="sharing-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="sharing-title">{t.sharingTitle}</h2>
      <SharingChoices value={sharing} onChange={setSharing} />
      <button type="submit" class="secondary big">
        {t.saveSharing}
      </button>
      <p class="hint" role="status">
        {said ?? ''}
      </p>
    </form>
  );
}
