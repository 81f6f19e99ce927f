// Turning a route of the route table into a request for a scene: the path
// parameters filled with the id of the thing its `target` names (the client,
// the client's therapist or the therapist's invitation, all of clinic North),
// the query and body of its example, and the session cookie of the caller.
// Invariants: a route whose path names something its `target` does not say
// (or more than one thing, without explicit params) fails loudly here rather
// than being tested with a made-up id.
import type { Route, Target } from '../../src/api/route.js';
import { routeTable } from '../../src/api/routes.js';
import type { ApiRequest } from '../support/requests.js';
import { exampleOf } from './route-examples.js';
import type { CallerName, Scene } from './scene.js';

/** The id the matrix asks for on a route with this target, or null for 'none'. */
export function targetIdOf(scene: Scene, target: Target): string | null {
  switch (target) {
    case 'client':
      return scene.north.client.id;
    case 'staff-member':
      return scene.north.therapist.id;
    case 'invitation':
      return scene.north.invitation.id;
    case 'none':
      return null;
  }
}

function pathOf(route: Route, targetId: string | null, params: Record<string, string> = {}) {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? '');
  const unexplained = names.filter((name) => params[name] === undefined);
  if (unexplained.length > 0 && targetId === null) {
    throw new Error(
      `${route.id} (${route.url}) has path parameters but its target is 'none': ` +
        'give it the target its path names, or params in its example.',
    );
  }
  if (unexplained.length > 1) {
    throw new Error(
      `${route.id} (${route.url}) names ${unexplained.join(', ')}: its target fills one; ` +
        'give the others as params in its example.',
    );
  }
  return route.url.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    return params[name] ?? targetId ?? '';
  });
}

export async function requestFor(
  route: Route,
  scene: Scene,
  caller: CallerName,
): Promise<ApiRequest> {
  const example = await exampleOf(route.id).request(scene, scene.accountOf(caller));
  const path = pathOf(route, targetIdOf(scene, route.target), example.params);
  const query = new URLSearchParams(example.query ?? {}).toString();
  return {
    method: route.method,
    url: query === '' ? path : `${path}?${query}`,
    cookie: scene.cookieOf(caller),
    ...(example.body === undefined ? {} : { body: example.body }),
  };
}

/** A caller whose request the route allows: anyone for a public route, else one with its first role. */
export function allowedCallerOf(route: Route): CallerName {
  if (route.access.kind === 'public') return 'anonymous';
  const [role] = route.access.roles;
  if (role === 'owner') return 'owner';
  if (role === 'therapist') return 'ownTherapist';
  return 'client';
}

/** The route of the route table with this id. */
export function routeWithId(id: string): Route {
  const route = routeTable.find((each) => each.id === id);
  if (route === undefined) throw new Error(`The route table has no route "${id}"`);
  return route;
}
