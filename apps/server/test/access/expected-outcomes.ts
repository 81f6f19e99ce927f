// What each caller must get from each route: the access rules of the
// product, written once, apart from the server's code. In order: a public
// route answers anyone; a signed-in route refuses someone not signed in
// (401) and an account whose role it does not list (403, audited); a thing
// the caller may not see is answered as if it did not exist (404, audited
// with the id asked for); everything else succeeds. Who may see what: a
// client, its clinic's owner and its own therapist; a staff member, its
// clinic's owner; an invitation, its clinic's owner and the therapist who
// made it. A client reaches their own things through routes with target
// 'none', never by id.
import type { Route, Target } from '../../src/api/route.js';
import { CALLERS, type CallerName } from './scene.js';

export type Outcome =
  | { kind: 'success'; status: number }
  | { kind: 'not-signed-in' }
  | { kind: 'wrong-role' }
  | { kind: 'not-found' };

const WHO_MAY_SEE: Record<Target, readonly CallerName[] | 'everyone'> = {
  none: 'everyone',
  client: ['owner', 'ownTherapist'],
  'staff-member': ['owner'],
  invitation: ['owner', 'ownTherapist'],
};

export function expectedOutcome(route: Route, caller: CallerName): Outcome {
  const success = { kind: 'success', status: route.success.status } as const;
  if (route.access.kind === 'public') return success;
  const { role } = CALLERS[caller];
  if (role === null) return { kind: 'not-signed-in' };
  if (!route.access.roles.includes(role)) return { kind: 'wrong-role' };
  const seers = WHO_MAY_SEE[route.target];
  if (seers !== 'everyone' && !seers.includes(caller)) return { kind: 'not-found' };
  return success;
}

export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'success':
      return `${outcome.status}`;
    case 'not-signed-in':
      return '401, sign in first';
    case 'wrong-role':
      return '403 for the role, audited';
    case 'not-found':
      return '404 as if it did not exist, audited with the id asked for';
  }
}
