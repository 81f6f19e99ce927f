// Every read of a client's data by staff is in the audit log (ASVS level 3
// logging of sensitive-data access; HIPAA audit controls): the client list
// and one client's details today, and, generated from the route table, any
// staff read that names a client in its path or shows a client's email in
// its answer, and any staff write (POST, PUT, DELETE) that answers with a
// client's email. The entry says who read, whose data (or how many
// clients a list showed) and from where; the owner sees it through the
// audit route. A refused read is audited as a denial, not as a read.
import { expect, it } from 'vitest';
import type { Route } from '../../src/api/route.js';
import { routeTable } from '../../src/api/routes.js';
import { describeEachBackend } from '../support/backends.js';
import { callApi } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { requestFor } from './route-requests.js';
import { auditLogOf, newScene, type CallerName, type Scene } from './scene.js';

const STAFF_READERS = ['owner', 'ownTherapist'] as const satisfies readonly CallerName[];

const staffRoutes = routeTable.filter(
  (route) => route.access.kind === 'roles' && route.access.roles.some((role) => role !== 'client'),
);

describeEachBackend('staff reads of client data', (backend) => {
  const server = useTestApp(backend);

  const readsBy = async (scene: Scene, caller: CallerName) => {
    const account = scene.accountOf(caller);
    const log = await auditLogOf(server.storage(), scene.north.clinic.id);
    return log.filter(
      (entry) => entry.kind === 'client-data.read' && entry.actorId === account?.id,
    );
  };

  const read = async (route: Route, scene: Scene, caller: CallerName) =>
    callApi(server.app(), await requestFor(route, scene, caller));

  it('audits the owner’s client list: each client shown, and how many', async () => {
    const scene = await newScene(server);
    const response = await callApi(server.app(), {
      url: '/api/clients',
      cookie: scene.cookieOf('owner'),
    });
    expect(response.json().clients).toHaveLength(2);
    const reads = await readsBy(scene, 'owner');
    expect(reads).toHaveLength(3);
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subjectId: null,
          address: '127.0.0.1',
          detail: { view: 'client-list', clients: 2 },
        }),
        ...[scene.north.client, scene.north.otherClient].map((client) =>
          expect.objectContaining({ subjectId: client.id, detail: { view: 'client-list' } }),
        ),
      ]),
    );
  });

  it('audits a therapist’s client list, which shows only their own clients', async () => {
    const scene = await newScene(server);
    const response = await callApi(server.app(), {
      url: '/api/clients',
      cookie: scene.cookieOf('ownTherapist'),
    });
    expect(response.json().clients).toEqual([
      expect.objectContaining({ id: scene.north.client.id }),
    ]);
    const reads = await readsBy(scene, 'ownTherapist');
    expect(reads).toHaveLength(2);
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subjectId: null, detail: { view: 'client-list', clients: 1 } }),
        expect.objectContaining({
          subjectId: scene.north.client.id,
          detail: { view: 'client-list' },
        }),
      ]),
    );
  });

  for (const caller of STAFF_READERS) {
    it(`audits each look at one client by ${caller === 'owner' ? 'the owner' : 'their therapist'}, naming the client`, async () => {
      const scene = await newScene(server);
      const { client } = scene.north;
      for (let look = 0; look < 2; look++) {
        const response = await callApi(server.app(), {
          url: `/api/clients/${client.id}`,
          cookie: scene.cookieOf(caller),
        });
        expect(response.statusCode).toBe(200);
      }
      expect(await readsBy(scene, caller)).toEqual([
        expect.objectContaining({ subjectId: client.id, detail: { view: 'client' } }),
        expect.objectContaining({ subjectId: client.id, detail: { view: 'client' } }),
      ]);
    });
  }

  it('shows the owner, through the audit route, who read which client', async () => {
    const scene = await newScene(server);
    const { client, therapist } = scene.north;
    await callApi(server.app(), {
      url: `/api/clients/${client.id}`,
      cookie: scene.cookieOf('ownTherapist'),
    });
    const audit = await callApi(server.app(), {
      url: '/api/audit',
      cookie: scene.cookieOf('owner'),
    });
    expect(audit.json().entries).toContainEqual(
      expect.objectContaining({
        kind: 'client-data.read',
        actorId: therapist.id,
        subjectId: client.id,
      }),
    );
  });

  it('audits a refused look as a denial, not as a read', async () => {
    const scene = await newScene(server);
    const response = await callApi(server.app(), {
      url: `/api/clients/${scene.north.client.id}`,
      cookie: scene.cookieOf('otherTherapist'),
    });
    expect(response.statusCode).toBe(404);
    expect(await readsBy(scene, 'otherTherapist')).toEqual([]);
  });

  for (const route of staffRoutes) {
    const isRead = route.method === 'GET';
    const what = isRead ? 'a staff read' : 'a staff write whose answer';
    it(`${route.method} ${route.url} (${route.id}): ${what} shows a client only when audited`, async () => {
      const answered: CallerName[] = [];
      for (const caller of STAFF_READERS) {
        const scene = await newScene(server);
        const before = (await readsBy(scene, caller)).length;
        const response = await read(route, scene, caller);
        if (response.statusCode !== route.success.status) continue;
        answered.push(caller);
        const { client, otherClient } = scene.north;
        const showsAClient = [client, otherClient].some((each) =>
          response.body.includes(each.email),
        );
        // A write that names a client changes their things (audited as that
        // change); only its answer could show their data.
        const namesAClient = isRead && route.target === 'client';
        const reads = (await readsBy(scene, caller)).slice(before);
        if (showsAClient || namesAClient) {
          expect(reads, `${route.id} by ${caller} showed a client`).not.toEqual([]);
        }
        if (namesAClient)
          expect(reads).toContainEqual(expect.objectContaining({ subjectId: client.id }));
      }
      // Every staff route is open to the owner at least: the check above ran.
      expect(answered, `${route.id} answered nobody`).not.toEqual([]);
    });
  }
});
