// The state of sync, said honestly: synced (and when), how many events wait,
// the last error in the server's own words, a sign-in that ended (the queue
// waits, nothing is lost), and any event the server set aside with its
// reason. "Sync now" runs it at once. A device that never synced shows nothing.
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../app.js';
import type { SyncView } from '../sync/sync-service.js';
import { apiCall } from './api.js';
import { accountMessages as t } from './messages.js';

interface QuarantinedEvent {
  sessionId: string;
  index: number;
  problems: string[];
}

export function SyncCard() {
  const services = useServices();
  const [view, setView] = useState<SyncView | null>(null);
  const [quarantined, setQuarantined] = useState<QuarantinedEvent[]>([]);

  useEffect(() => {
    const sync = services.sync;
    if (sync === null) return;
    let live = true;
    const refresh = () =>
      void sync.view().then((next) => {
        if (!live) return;
        setView(next);
        if (next.kind === 'synced' || next.kind === 'waiting') void loadQuarantine();
      });
    const loadQuarantine = async () => {
      const result = await apiCall<{ events: QuarantinedEvent[] }>('GET', '/api/sync/quarantine');
      if (live && result.ok) setQuarantined(result.value.events);
    };
    refresh();
    const unsubscribe = sync.subscribe(refresh);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [services, services.sync]);

  // Nothing to say on a device that never synced, while signed out.
  if (view?.kind === 'not-linked') return null;
  return (
    <section class="card" aria-labelledby="sync-title">
      <h2 id="sync-title">{t.syncTitle}</h2>
      <div role="status">
        <p class="sync-state">{view === null ? t.syncLoading : stateLine(view)}</p>
        {view?.kind === 'synced' && view.at !== null && (
          <p class="hint">{t.lastSynced(new Date(view.at).toLocaleString())}</p>
        )}
        {view?.kind === 'synced' && view.programs > 0 && (
          <p class="hint">{t.programs(view.programs)}</p>
        )}
        {view?.kind === 'waiting' && view.lastError && (
          <p class="notice error">{t.lastError(view.lastError)}</p>
        )}
      </div>
      {quarantined.length > 0 && (
        <div class="notice">
          <p>{t.quarantined(quarantined.length)}</p>
          <ul>
            {quarantined.slice(0, 5).map((event) => (
              <li key={`${event.sessionId}-${event.index}`}>
                {t.quarantineLine(event.sessionId, event.index, event.problems)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        class="secondary big"
        disabled={view === null || view.kind === 'syncing' || view.kind === 'signed-out'}
        onClick={() => void services.sync?.syncNow()}
      >
        {t.syncNow}
      </button>
    </section>
  );
}

function stateLine(view: SyncView): string {
  switch (view.kind) {
    case 'not-linked':
      return t.notLinked;
    case 'syncing':
      return t.syncing(view.waiting);
    case 'synced':
      return t.synced;
    case 'waiting':
      return t.waiting(view.waiting);
    case 'signed-out':
      return t.signedOutQueue(view.waiting);
  }
}
