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
