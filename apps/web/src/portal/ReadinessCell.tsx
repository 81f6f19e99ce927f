// Readiness for the next exercise, in a few words: ready, or how far the
// client is on each part of the rule; the full list of what is missing is
// the cell's description.
import { portalMessages as t } from './messages.js';
import type { Readiness } from './types.js';

export function ReadinessCell({ readiness }: { readiness: Readiness | null }) {
  if (readiness === null) return <span class="hint">—</span>;
  if (readiness.next === null) {
    return <span>{t.readiness.top(readiness.practising.name)}</span>;
  }
  if (readiness.ready) {
    return <span class="badge ready">{t.readiness.ready(readiness.next.name)}</span>;
  }
  const { practiceDays: days, sessionsInARow: run } = readiness;
  return (
    <span class="readiness" title={readiness.missing.join('\n')}>
      <strong>{readiness.next.name}</strong>
      <span class="hint">
        {[
          days && t.readiness.days(days.have, days.need),
          run && t.readiness.inARow(run.have, run.need),
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </span>
  );
}
