// The flags that need attention, as readable badges: words first, with a
// shape mark so they do not rely on colour.
import { portalMessages as t } from './messages.js';
import type { CaseloadFlag } from './types.js';

export function FlagBadges({ flags }: { flags: readonly CaseloadFlag[] }) {
  if (flags.length === 0) return <span class="hint">{t.list.nothingToFlag}</span>;
  return (
    <ul class="badges">
      {flags.map((flag) => (
        <li key={flag} class={`badge flag-${flag}`}>
          {t.flags[flag]}
        </li>
      ))}
    </ul>
  );
}
