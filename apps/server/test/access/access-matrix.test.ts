// The access matrix (RELIABILITY.md row 19): every route of the route table
// x every kind of caller, generated from the table itself, so a route added
// to the table is in the matrix before anyone thinks of it. Each cell sends
// the route's example request (route-examples.ts), naming clinic North's
// client, therapist or invitation as the route's `target` says, and checks
// what the product's rules (expected-outcomes.ts) say that caller gets: the
// success status, 401, 403 for the role, or 404 as if the thing did not
// exist; every refusal of a signed-in caller is in the audit log, and a
// refused request changes nothing. The same matrix runs on SQLite and
// PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Route, Target } from '../../src/api/route.js';
import { routeTable } from '../../src/api/routes.js';
import { errorBody } from '../../src/errors.js';
import { describeEachBackend } from '../support/backends.js';
import { callApi } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { describeOutcome, expectedOutcome, type Outcome } from './expected-outcomes.js';
import { exampleOf, ROUTE_EXAMPLES } from './route-examples.js';
import { allowedCallerOf, requestFor, targetIdOf } from './route-requests.js';
import {
  auditLogOf,
  CALLER_NAMES,
  CALLERS,
  newScene,
  type CallerName,
  type Scene,
} from './scene.js';

describe('the example table of the access tests', () => {
  it('has an example request for every route of the route table', () => {
    const missing = routeTable
      .filter((route) => !(route.id in ROUTE_EXAMPLES))
      .map((route) => `${route.id} (${route.method} ${route.url})`);
    expect(
      missing,
      `Add example requests to ROUTE_EXAMPLES (test/access/route-examples.ts) for: ${missing.join(', ')}`,
    ).toEqual([]);
  });

  it('has no example for a route the table no longer has', () => {
    const ids = new Set(routeTable.map((route) => route.id));
    expect(Object.keys(ROUTE_EXAMPLES).filter((id) => !ids.has(id))).toEqual([]);
  });
});

/** The thing a route's target names, as stored: a refused request must leave it as it was. */
async function storedTarget(scene: Scene, target: Target): Promise<unknown> {
  const { storage, north } = scene;
  switch (target) {
    case 'client':
      return storage.accounts.get(north.clinic.id, north.client.id);
    case 'staff-member':
      return storage.accounts.get(north.clinic.id, north.therapist.id);
    case 'invitation':
      return storage.invitations.get(north.clinic.id, north.invitation.id);
    case 'none':
      return null;
  }
}

async function denialsOf(scene: Scene, caller: CallerName) {
  const account = scene.accountOf(caller);
  if (account === null) return [];
  const log = await auditLogOf(scene.storage, account.clinicId);
  return log.filter((entry) => entry.kind === 'access.denied' && entry.actorId === account.id);
}

async function expectOutcome(
  route: Route,
  scene: Scene,
  caller: CallerName,
  outcome: Outcome,
  response: LightMyRequestResponse,
): Promise<void> {
  const said = `${route.id} for ${CALLERS[caller].named}: ${response.body.slice(0, 300)}`;
  switch (outcome.kind) {
    case 'success':
      expect(response.statusCode, said).toBe(outcome.status);
      expect(await denialsOf(scene, caller)).toEqual([]);
      return;
    case 'not-signed-in':
      expect(response.statusCode, said).toBe(401);
      expect(response.json()).toMatchObject({ code: 'not_signed_in' });
      return;
    case 'wrong-role':
      expect(response.statusCode, said).toBe(403);
      expect(response.json()).toMatchObject({ code: 'not_allowed' });
      expect(await denialsOf(scene, caller)).toEqual([
        expect.objectContaining({
          detail: expect.objectContaining({ reason: 'role', route: route.id }),
        }),
      ]);
      return;
    case 'not-found':
      expect(response.statusCode, said).toBe(404);
      expect(response.json()).toEqual(errorBody('not_found'));
      expect(await denialsOf(scene, caller)).toEqual([
        expect.objectContaining({
          subjectId: targetIdOf(scene, route.target),
          detail: expect.objectContaining({ reason: 'not-found' }),
        }),
      ]);
      return;
  }
}

describeEachBackend('the access matrix', (backend) => {
  const server = useTestApp(backend);

  it('gives each caller the role the matrix expects of them', async () => {
    const scene = await newScene(server);
    for (const caller of CALLER_NAMES) {
      expect(scene.accountOf(caller)?.role ?? null, caller).toBe(CALLERS[caller].role);
    }
    expect(scene.north.client.therapistId).toBe(scene.north.therapist.id);
    expect(scene.north.otherClient.therapistId).toBe(scene.north.otherTherapist.id);
  });

  it('has example requests that pass each route’s own schemas', async () => {
    const scene = await newScene(server);
    for (const route of routeTable) {
      const example = await exampleOf(route.id).request(scene, null);
      if (route.body === undefined) {
        expect(example.body, `${route.id} takes no body`).toBeUndefined();
      } else {
        expect(route.body.safeParse(example.body).error, route.id).toBeUndefined();
      }
      if (route.query === undefined) {
        expect(example.query, `${route.id} takes no query`).toBeUndefined();
      } else {
        expect(route.query.safeParse(example.query ?? {}).error, route.id).toBeUndefined();
      }
    }
  });

  for (const route of routeTable) {
    describe(`${route.method} ${route.url} (${route.id})`, () => {
      for (const caller of CALLER_NAMES) {
        const outcome = expectedOutcome(route, caller);
        it(`${CALLERS[caller].named}: ${describeOutcome(outcome)}`, async () => {
          const scene = await newScene(server);
          const request = await requestFor(route, scene, caller);
          const before = await storedTarget(scene, route.target);
          const response = await callApi(server.app(), request);
          await expectOutcome(route, scene, caller, outcome, response);
          if (outcome.kind !== 'success') {
            expect(await storedTarget(scene, route.target)).toEqual(before);
          }
        });
      }

      if (route.target !== 'none' && route.access.kind === 'roles') {
        it('an id that exists nowhere: 404 like any other, audited', async () => {
          const scene = await newScene(server);
          const madeUpId = randomUUID();
          const caller = allowedCallerOf(route);
          const request = await requestFor(route, scene, caller);
          const targetId = targetIdOf(scene, route.target) ?? '';
          const response = await callApi(server.app(), {
            ...request,
            url: request.url.replace(targetId, madeUpId),
          });
          expect(response.statusCode).toBe(404);
          expect(response.json()).toEqual(errorBody('not_found'));
          expect(await denialsOf(scene, caller)).toEqual([
            expect.objectContaining({ subjectId: madeUpId }),
          ]);
        });
      }
    });
  }
});
