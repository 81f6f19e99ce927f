// One labelled, required text field of the account forms: the label above a
// large input, so it reads well and is easy to hit.
export interface TextFieldProps {
  label: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  minLength?: number;
  maxLength?: number;
}

export function TextField(props: TextFieldProps) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        required
        type={props.type ?? 'text'}
        autocomplete={props.autocomplete}
        minLength={props.minLength}
        maxLength={props.maxLength}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}

/** An email address field, filled in by the browser where it can. */
export function EmailField(props: { label: string; value: string; onInput(value: string): void }) {
  return <TextField {...props} type="email" autocomplete="email" />;
}

/** The shortest new password a server accepts by default (one set stricter answers weak_password). */
export const NEW_PASSWORD_MIN_LENGTH = 10;

/**
 * A password field: `choosing` one for a new account (the browser may
 * suggest one; the server's minimum length), or the one already chosen.
 */
export function PasswordField(props: {
  label: string;
  value: string;
  onInput(value: string): void;
  choosing: boolean;
}) {
  const { choosing, ...field } = props;
  return choosing ? (
    <TextField
      {...field}
      type="password"
      autocomplete="new-password"
      minLength={NEW_PASSWORD_MIN_LENGTH}
    />
  ) : (
    <TextField {...field} type="password" autocomplete="current-password" />
  );
}
