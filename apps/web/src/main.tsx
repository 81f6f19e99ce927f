// Boot: open the device's storage, create the services, register the service
// worker for offline use, and render the app.
import { render } from 'preact';
import { App } from './app.js';
import { createServices } from './services.js';
import { messages } from './messages.js';
import './styles.css';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const services = await createServices();
    render(<App services={services} />, root);
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

void boot();
