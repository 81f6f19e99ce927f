// Boot: open the device's storage, create the services, render the app, then
// start sync (lazily loaded) and register the service worker for offline use.
import { render } from 'preact';
import { App } from './app.js';
import { createServices, isSessionRunning, type Services } from './services.js';
import { messages } from './messages.js';
import './styles.css';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const services = await createServices();
    render(<App services={services} />, root);
    void startSync(services);
  } catch {
    render(
      <p class="fatal" role="alert">
        {messages.errors.noStorage}
      </p>,
      root,
    );
  }
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    const { registerSW } = await import('virtual:pwa-register');
    registerSW({ immediate: true });
  }
}

/** Sync loads after the first screen; it does nothing until the device is linked to an account. */
async function startSync(services: Services): Promise<void> {
  const { SyncService } = await import('./sync/sync-service.js');
  const sync = new SyncService({
    db: services.db,
    sessionRunning: () => isSessionRunning(services),
    now: Date.now,
    onProgramsChanged: () => void services.reloadPrograms(),
  });
  services.sync = sync;
  services.subscribe(() => sync.schedule());
  sync.start();
}

void boot();
