// Fields the server owns cannot be set by a request (RELIABILITY.md row 21;
// OWASP API3, mass assignment): for every route of the route table with a
// body, each server-owned field is added, one at a time, to every object of
// the route's example body, with a believable value (another clinic's id,
// the owner role), and the request is refused whole with a 400 that names
// the field. The same holds for query strings. A field a route takes on
// purpose (the owner choosing which therapist a client invitation is for),
// and a payload the route hands to another check (a sync event), are listed
// in TAKEN_ON_PURPOSE with what guards them instead.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Route } from '../../src/api/route.js';
import { routeTable } from '../../src/api/routes.js';
import { describeEachBackend } from '../support/backends.js';
import { callApi } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { allowedCallerOf, requestFor, routeWithId } from './route-requests.js';
import { newScene, type Scene } from './scene.js';

/** What a request might try to set, with the value an attacker would pick. */
const SERVER_OWNED_FIELDS: Readonly<Record<string, (scene: Scene) => unknown>> = {
  clinicId: (scene) => scene.south.clinic.id,
  role: () => 'owner',
  therapistId: (scene) => scene.north.otherTherapist.id,
  accountId: (scene) => scene.north.owner.id,
  ownerId: (scene) => scene.north.owner.id,
  createdBy: (scene) => scene.north.owner.id,
  status: () => 'active',
  passwordHash: () => '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  createdAt: () => 0,
  updatedAt: () => 0,
  receivedAt: () => 0,
  id: () => randomUUID(),
};

/**
 * Places where a route takes such a field on purpose, keyed by route id and
 * "path.field" (list positions written "[]"; "path.*" for any field at or
 * below the path), with what guards it there.
 */
const TAKEN_ON_PURPOSE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  createInvitation: {
    'body.therapistId':
      'the owner picks the therapist a client is invited for; a therapist sending it is ' +
      'refused (403) and another clinic’s therapist is a 404 (ids-in-requests.test.ts)',
  },
  editLibraryProtocol: {
    'body.protocol.*':
      'a whole protocol document, checked by core’s protocol schema, which refuses unknown ' +
      'fields with invalid_protocol and their paths (test/api/protocol-library.test.ts)',
  },
  syncPush: {
    'body.events[].event.*':
      'an event is the client’s own record, checked against core’s event schema; one that ' +
      'fails is quarantined, not refused, so the queue moves on (row 11; the last test here)',
  },
};

function takenOnPurpose(routeId: string, path: string, field: string): boolean {
  const place = path.replace(/\[\d+\]/g, '[]');
  return Object.keys(TAKEN_ON_PURPOSE[routeId] ?? {}).some((key) => {
    if (!key.endsWith('.*')) return key === `${place}.${field}`;
    const below = key.slice(0, -2);
    return place === below || place.startsWith(`${below}.`) || place.startsWith(`${below}[`);
  });
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in a JSON value, with its path ("body.events[0]"). */
function objectsIn(value: unknown, path = 'body'): { path: string; object: Json }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => objectsIn(item, `${path}[${index}]`));
  }
  if (!isObject(value)) return [];
  return [
    { path, object: value },
    ...Object.entries(value).flatMap(([key, inner]) => objectsIn(inner, `${path}.${key}`)),
  ];
}

/** A deep copy of `body` with `field` added to the object at `path`. */
function withField(body: unknown, path: string, field: string, value: unknown): unknown {
  const copy: unknown = structuredClone(body);
  const target = objectsIn(copy).find((each) => each.path === path)?.object;
  if (target === undefined) throw new Error(`no object at ${path}`);
  target[field] = value;
  return copy;
}

const routesWithBodies = routeTable.filter((route) => route.body !== undefined);
const routesWithQueries = routeTable.filter((route) => route.query !== undefined);

describe('the server-owned field list', () => {
  it('excuses only routes of the route table that take a body', () => {
    for (const routeId of Object.keys(TAKEN_ON_PURPOSE)) {
      const route = routeTable.find((each) => each.id === routeId);
      expect(route?.body, routeId).toBeDefined();
    }
  });
});

describeEachBackend('server-owned fields in a request', (backend) => {
  const server = useTestApp(backend);

  const setServerOwnedFields = async (route: Route) => {
    const scene = await newScene(server);
    const caller = allowedCallerOf(route);
    const request = await requestFor(route, scene, caller);
    const tried: string[] = [];
    for (const { path, object } of objectsIn(request.body)) {
      for (const [field, valueFor] of Object.entries(SERVER_OWNED_FIELDS)) {
        if (field in object || takenOnPurpose(route.id, path, field)) continue;
        const body = withField(request.body, path, field, valueFor(scene));
        if (route.body?.safeParse(body).success) {
          throw new Error(
            `${route.id} takes "${field}" at ${path} from the caller. If it must, list it in ` +
              'TAKEN_ON_PURPOSE with the check that guards it, and test that check.',
          );
        }
        const response = await callApi(server.app(), { ...request, body });
        expect(response.statusCode, `${route.id}: ${field} at ${path}`).toBe(400);
        expect(response.json()).toMatchObject({ code: 'bad_request' });
        expect(JSON.stringify(response.json().problems), `${route.id}: ${field}`).toContain(
          `unknown field \\"${field}\\"`,
        );
        tried.push(`${path}.${field}`);
      }
    }
    return tried;
  };

  for (const route of routesWithBodies) {
    it(`${route.method} ${route.url} (${route.id}) refuses every server-owned field in its body`, async () => {
      const tried = await setServerOwnedFields(route);
      expect(tried.length).toBeGreaterThan(0);
    });
  }

  for (const route of routesWithQueries) {
    it(`${route.method} ${route.url} (${route.id}) refuses server-owned fields in its query`, async () => {
      const scene = await newScene(server);
      const request = await requestFor(route, scene, allowedCallerOf(route));
      for (const [field, valueFor] of Object.entries(SERVER_OWNED_FIELDS)) {
        const separator = request.url.includes('?') ? '&' : '?';
        const value = encodeURIComponent(String(valueFor(scene)));
        const response = await callApi(server.app(), {
          ...request,
          url: `${request.url}${separator}${field}=${value}`,
        });
        expect(response.statusCode, `${route.id}: ?${field}`).toBe(400);
        expect(response.json()).toMatchObject({ code: 'bad_request' });
      }
    });
  }

  it('quarantines a sync event that carries a server-owned field, and stores the rest', async () => {
    const scene = await newScene(server);
    const request = await requestFor(routeWithId('syncPush'), scene, 'client');
    const body = withField(request.body, 'body.events[0].event', 'clinicId', scene.south.clinic.id);
    const response = await callApi(server.app(), { ...request, body });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      accepted: 2,
      quarantined: [{ seq: 1, reason: 'invalid-event' }],
    });
  });
});
