// Ids that reach the server other than in a path (RELIABILITY.md row 19:
// "in a path, query, body or batch"), and refusals a route makes itself,
// after the role check: the owner inviting a client for a therapist it may
// not name, a therapist inviting a therapist or naming a colleague, the
// owner removing or disabling an owner. Invariants: a thing the caller may
// not see is a 404 audited with the id asked for; a refusal is a 403 that is
// audited too (audit.ts: every denial leaves an entry); nothing changes.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends.js';
import { callApi } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { auditLogOf, newScene, type CallerName, type Scene } from './scene.js';

describeEachBackend('ids in request bodies, and refusals made by routes', (backend) => {
  const server = useTestApp(backend);

  const invite = (scene: Scene, caller: CallerName, body: Record<string, unknown>) =>
    callApi(server.app(), {
      method: 'POST',
      url: '/api/invitations',
      cookie: scene.cookieOf(caller),
      body,
    });

  const denialsBy = async (scene: Scene, caller: CallerName) => {
    const account = scene.accountOf(caller);
    const log = await auditLogOf(scene.storage, account?.clinicId ?? '');
    return log.filter((entry) => entry.kind === 'access.denied' && entry.actorId === account?.id);
  };

  const invitationsOf = async (scene: Scene) =>
    (await scene.storage.invitations.list(scene.north.clinic.id, null)).map((each) => each.id);

  it('the owner inviting a client for another clinic’s therapist: 404, audited with that id', async () => {
    const scene = await newScene(server);
    const before = await invitationsOf(scene);
    const response = await invite(scene, 'owner', {
      kind: 'client',
      therapistId: scene.south.owner.id,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
    expect(await denialsBy(scene, 'owner')).toEqual([
      expect.objectContaining({ subjectId: scene.south.owner.id }),
    ]);
    expect(await invitationsOf(scene)).toEqual(before);
  });

  it('the owner inviting a client “for” a client, or for a removed therapist: 404', async () => {
    const scene = await newScene(server);
    const { north } = scene;
    await scene.storage.accounts.removeTherapist(
      north.clinic.id,
      north.otherTherapist.id,
      north.owner.id,
      server.clock.now(),
    );
    for (const therapistId of [north.client.id, north.otherTherapist.id]) {
      const response = await invite(scene, 'owner', { kind: 'client', therapistId });
      expect(response.statusCode, therapistId).toBe(404);
    }
    expect((await denialsBy(scene, 'owner')).map((entry) => entry.subjectId)).toEqual([
      north.client.id,
      north.otherTherapist.id,
    ]);
  });

  it('a therapist naming the therapist a client is for, even a colleague: 403, audited', async () => {
    const scene = await newScene(server);
    const before = await invitationsOf(scene);
    const response = await invite(scene, 'ownTherapist', {
      kind: 'client',
      therapistId: scene.north.otherTherapist.id,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'not_allowed' });
    expect(await denialsBy(scene, 'ownTherapist')).toHaveLength(1);
    expect(await invitationsOf(scene)).toEqual(before);
  });

  it('a therapist inviting a therapist: 403, audited', async () => {
    const scene = await newScene(server);
    const response = await invite(scene, 'ownTherapist', { kind: 'therapist' });
    expect(response.statusCode).toBe(403);
    expect(await denialsBy(scene, 'ownTherapist')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ route: 'createInvitation' }) }),
    ]);
  });

  it('the owner removing or disabling an owner (itself): 403, audited, nothing changes', async () => {
    const scene = await newScene(server);
    const { owner } = scene.north;
    for (const url of [`/api/staff/${owner.id}/remove`, `/api/accounts/${owner.id}/disable`]) {
      const response = await callApi(server.app(), {
        method: 'POST',
        url,
        cookie: scene.cookieOf('owner'),
      });
      expect(response.statusCode, url).toBe(403);
    }
    expect(await denialsBy(scene, 'owner')).toHaveLength(2);
    expect(await scene.storage.accounts.get(owner.clinicId, owner.id)).toMatchObject({
      status: 'active',
    });
    const me = await callApi(server.app(), { url: '/api/me', cookie: scene.cookieOf('owner') });
    expect(me.statusCode).toBe(200);
  });

  it('the owner removing a client as if it were a therapist: 404, the client stays', async () => {
    const scene = await newScene(server);
    const { client } = scene.north;
    const response = await callApi(server.app(), {
      method: 'POST',
      url: `/api/staff/${client.id}/remove`,
      cookie: scene.cookieOf('owner'),
    });
    expect(response.statusCode).toBe(404);
    expect(await denialsBy(scene, 'owner')).toEqual([
      expect.objectContaining({ subjectId: client.id }),
    ]);
    expect(await scene.storage.accounts.get(client.clinicId, client.id)).toEqual(client);
  });
});
