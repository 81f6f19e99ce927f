// The way into the portal: first-run clinic setup when the server has no
// clinic yet (GET /api/setup), otherwise the staff sign-in. A client who
// signs in here is told the portal is for staff.
import { useState } from 'preact/hooks';
import { apiCall } from '../account/api.js';
import { EmailField, PasswordField, TextField } from '../account/TextField.js';
import type { Me } from '../account/types.js';
import { portalMessages as t } from './messages.js';

export function StaffGate(props: { setupNeeded: boolean; onSignedIn(me: Me): void }) {
  return props.setupNeeded ? <SetupForm {...props} /> : <SignInForm {...props} />;
}

function useSubmit(path: string, onSignedIn: (me: Me) => void) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (body: unknown) => {
    setBusy(true);
    setProblem(null);
    const result = await apiCall<Me>('POST', path, body);
    setBusy(false);
    if (result.ok) onSignedIn(result.value);
    else setProblem(result.message);
  };
  return { problem, busy, submit };
}

function SetupForm(props: { onSignedIn(me: Me): void }) {
  const [clinicName, setClinicName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { problem, busy, submit } = useSubmit('/api/setup', props.onSignedIn);
  return (
    <form
      class="card gate"
      aria-labelledby="setup-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit({
          clinicName: clinicName.trim(),
          displayName: displayName.trim(),
          email: email.trim(),
          password,
        });
      }}
    >
      <h1 id="setup-title">{t.gate.setupTitle}</h1>
      <p>{t.gate.setupIntro}</p>
      <TextField
        label={t.gate.clinicName}
        value={clinicName}
        onInput={setClinicName}
        maxLength={80}
      />
      <TextField
        label={t.gate.yourName}
        autocomplete="name"
        value={displayName}
        onInput={setDisplayName}
        maxLength={80}
      />
      <EmailField label={t.gate.email} value={email} onInput={setEmail} />
      <PasswordField choosing label={t.gate.password} value={password} onInput={setPassword} />
      <button type="submit" class="primary big" disabled={busy}>
        {t.gate.createClinic}
      </button>
      <div role="alert">{problem && <p class="notice error">{problem}</p>}</div>
    </form>
  );
}

function SignInForm(props: { onSignedIn(me: Me): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { problem, busy, submit } = useSubmit('/api/auth/sign-in', props.onSignedIn);
  return (
    <form
      class="card gate"
      aria-labelledby="staff-sign-in-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ email: email.trim(), password });
      }}
    >
      <h1 id="staff-sign-in-title">{t.gate.signInTitle}</h1>
      <p class="hint">{t.gate.signInIntro}</p>
      <EmailField label={t.gate.email} value={email} onInput={setEmail} />
      <PasswordField
        choosing={false}
        label={t.gate.password}
        value={password}
        onInput={setPassword}
      />
      <button type="submit" class="primary big" disabled={busy}>
        {t.gate.signIn}
      </button>
      <div role="alert">{problem && <p class="notice error">{problem}</p>}</div>
    </form>
  );
}
