// The check-in: where do you feel it (a large posterior body map plus
// "Nothing yet", several regions at once) and, after a work set, which side
// was stronger. Used for the engine's check-ins and for "I feel it now".
import type { Balance, Region } from '@glutewake/core';
import { BALANCES } from '@glutewake/core';
import { BodyMap } from '../illustrations/BodyMap.js';
import { messages } from '../messages.js';
import { REGION_DIGITS } from '../input/answer-keys.js';

const t = messages.checkIn;

export interface CheckInPanelProps {
  title: string;
  askBalance: boolean;
  selected: readonly Region[];
  balance: Balance | null;
  secondsLeft: number | null;
  onToggle(region: Region): void;
  onBalance(balance: Balance): void;
  onSend(): void;
  onCancel?: () => void;
}

export function CheckInPanel(props: CheckInPanelProps) {
  const nothing = props.selected.includes('none');
  const canSend = props.selected.length > 0;
  return (
    <section
      class="card check-in"
      role="dialog"
      aria-modal="false"
      aria-labelledby="check-in-title"
      onClick={(e) => e.stopPropagation()}
    >
      <h2 id="check-in-title">{props.title}</h2>
      <p class="hint">
        {t.chooseHint}
        {props.secondsLeft !== null && ` ${t.timeLeft(props.secondsLeft)}`}
      </p>
      <BodyMap
        selected={props.selected}
        onToggle={props.onToggle}
        labels={messages.regions}
        digitFor={REGION_DIGITS}
        groupLabel={props.title}
      />
      <div class="check-in-answers">
        <button
          type="button"
          class={`toggle wide${nothing ? ' on' : ''}`}
          aria-pressed={nothing}
          onClick={() => props.onToggle('none')}
        >
          <span class="digit" aria-hidden="true">
            0
          </span>{' '}
          {t.nothingYet}
        </button>
        {props.askBalance && (
          <fieldset class="balance">
            <legend>{t.balanceQuestion}</legend>
            {BALANCES.map((balance) => (
              <button
                type="button"
                key={balance}
                class={`toggle${props.balance === balance ? ' on' : ''}`}
                aria-pressed={props.balance === balance}
                onClick={() => props.onBalance(balance)}
              >
                {messages.balances[balance]}
              </button>
            ))}
          </fieldset>
        )}
        <div class="button-row">
          {props.onCancel && (
            <button type="button" class="secondary" onClick={props.onCancel}>
              {t.cancel}
            </button>
          )}
          <button type="button" class="primary" disabled={!canSend} onClick={props.onSend}>
            {t.send}
          </button>
        </div>
      </div>
    </section>
  );
}
