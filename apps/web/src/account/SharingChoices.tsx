// What a client shares with their therapist: which sessions, and whether
// symptom scores and notes go along. Large, plainly labelled controls; the
// default is everything, as the person was told when invited.
import type { Sharing } from './types.js';
import { accountMessages as t } from './messages.js';

export function SharingChoices(props: { value: Sharing; onChange(next: Sharing): void }) {
  const { value, onChange } = props;
  return (
    <>
      <fieldset class="choices">
        <legend>{t.sharingHistory}</legend>
        {(['all', 'from-joining'] as const).map((history) => (
          <label key={history} class="choice">
            <input
              type="radio"
              name="share-history"
              checked={value.history === history}
              onChange={() => onChange({ ...value, history })}
            />
            <span>{history === 'all' ? t.shareAll : t.shareFromJoining}</span>
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input
          type="checkbox"
          checked={value.symptoms}
          onChange={(e) => onChange({ ...value, symptoms: e.currentTarget.checked })}
        />
        <span>{t.shareSymptoms}</span>
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={value.notes}
          onChange={(e) => onChange({ ...value, notes: e.currentTarget.checked })}
        />
        <span>{t.shareNotes}</span>
      </label>
    </>
  );
}
