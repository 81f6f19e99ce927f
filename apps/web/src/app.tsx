// The app shell: services in a context, hash routes, and the screen for each.
// Routes: #/welcome, #/ (home), #/session, #/end/<sessionId>, #/history,
// #/progress, #/exercises, #/settings, #/data, #/reminders, #/account,
// #/join (and the invitation link's #code=...), and the therapist portal
// under #/portal. Everything but the session's own screens loads lazily; the
// portal is its own chunk, so a client never downloads it.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Services } from './services.js';
import { FirstRun } from './screens/FirstRun.js';
import { Home } from './screens/Home.js';
import { SessionScreen } from './screens/SessionScreen.js';
import { EndScreen } from './screens/EndScreen.js';
import { History } from './screens/History.js';
import { Settings } from './screens/Settings.js';
import { lazyScreen } from './ui/lazy-screen.js';
import { messages } from './messages.js';

const screenWords = messages.lazyScreen;
const ProgressScreen = lazyScreen(
  () => import('./progress/ProgressScreen.js').then((m) => m.ProgressScreen),
  screenWords,
);
const LadderScreen = lazyScreen(
  () => import('./ladder/LadderScreen.js').then((m) => m.LadderScreen),
  screenWords,
);
const YourData = lazyScreen(
  () => import('./data/YourData.js').then((m) => m.YourData),
  screenWords,
);
const AccountScreen = lazyScreen(
  () => import('./account/AccountScreen.js').then((m) => m.AccountScreen),
  screenWords,
);
const JoinScreen = lazyScreen(
  () => import('./account/JoinScreen.js').then((m) => m.JoinScreen),
  screenWords,
);
const Reminders = lazyScreen(
  () => import('./reminders/Reminders.js').then((m) => m.Reminders),
  screenWords,
);
const PortalScreen = lazyScreen(
  () => import('./portal/PortalScreen.js').then((m) => m.PortalScreen),
  screenWords,
);

export type Route =
  | { name: 'welcome' }
  | { name: 'home' }
  | { name: 'session' }
  | { name: 'end'; sessionId: string }
  | { name: 'history' }
  | { name: 'progress' }
  | { name: 'exercises' }
  | { name: 'settings' }
  | { name: 'data' }
  | { name: 'reminders' }
  | { name: 'account' }
  | { name: 'join'; code: string | null }
  /** `rest` is what follows #/portal: '' for the client list, '/clients/<id>', ... */
  | { name: 'portal'; rest: string };

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('Services are not ready');
  return services;
}

/** Re-renders the caller whenever the services announce a change. */
export function useServicesVersion(): number {
  const services = useServices();
  const [version, setVersion] = useState(0);
  useEffect(() => services.subscribe(() => setVersion((v) => v + 1)), [services]);
  return version;
}

export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/welcome') return { name: 'welcome' };
  if (path === '/session') return { name: 'session' };
  if (path === '/history') return { name: 'history' };
  if (path === '/progress') return { name: 'progress' };
  if (path === '/exercises') return { name: 'exercises' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/data') return { name: 'data' };
  if (path === '/reminders') return { name: 'reminders' };
  if (path === '/account') return { name: 'account' };
  if (path === '/join') return { name: 'join', code: null };
  if (path === '/portal' || path.startsWith('/portal/')) {
    return { name: 'portal', rest: path.slice('/portal'.length) };
  }
  // The invitation link: /join#code=<code>.
  const invitation = /^code=([A-Za-z0-9_-]{1,40})$/.exec(path);
  if (invitation?.[1]) return { name: 'join', code: invitation[1] };
  const end = /^\/end\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (end?.[1]) return { name: 'end', sessionId: end[1] };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'end':
      return `#/end/${route.sessionId}`;
    case 'join':
      return route.code === null ? '#/join' : `#code=${route.code}`;
    case 'portal':
      return `#/portal${route.rest}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
}

export function App({ services }: { services: Services }) {
  const [route, setRoute] = useState<Route>(() => routeFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!services.prefs.firstRunDone && route.name === 'home') navigate({ name: 'welcome' });
  }, [route, services]);
  useEffect(() => {
    document.getElementById('app')?.focus();
  }, [route.name]);

  return (
    <ServicesContext.Provider value={services}>
      {route.name === 'welcome' && <FirstRun />}
      {route.name === 'home' && <Home />}
      {route.name === 'session' && <SessionScreen />}
      {route.name === 'end' && <EndScreen sessionId={route.sessionId} />}
      {route.name === 'history' && <History />}
      {route.name === 'progress' && <ProgressScreen />}
      {route.name === 'exercises' && <LadderScreen />}
      {route.name === 'settings' && <Settings />}
      {route.name === 'data' && <YourData />}
      {route.name === 'reminders' && <Reminders />}
      {route.name === 'account' && <AccountScreen />}
      {route.name === 'join' && <JoinScreen code={route.code} />}
      {route.name === 'portal' && <PortalScreen rest={route.rest} />}
    </ServicesContext.Provider>
  );
}
