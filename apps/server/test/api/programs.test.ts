// A therapist assigns and adjusts a client's program, keeps the clinic's
// protocol library and writes private notes, through the API: the client's
// device pulls each program version; a version made from a stale one is a
// 409 that names the latest; problems with a program or a protocol come
// back with their paths; a session that ran a program is summarised with
// that program version's protocol; notes never reach the client.
import {
  findBuiltinProtocol,
  parseScript,
  simulateSession,
  type ProgramDocument,
} from '@glutewake/core';
import { validateProgram } from '@glutewake/core/validation';
import { beforeAll, expect, it } from 'vitest';
import type { Account } from '../../src/storage/types.js';
import { describeEachBackend } from '../support/backends.js';
import { addAccount, clinicWorld, newAccount, type ClinicWorld } from '../support/fixtures.js';
import { callApi, cookieFor } from '../support/requests.js';
import { FakeDevice, pushBody } from '../support/sync.js';
import { useTestApp } from '../support/test-app.js';

const squeezes = findBuiltinProtocol('prone-ankle-squeeze');

describeEachBackend('programs, the protocol library and notes', (backend) => {
  const server = useTestApp(backend);
  let world: ClinicWorld;
  beforeAll(async () => {
    world = await clinicWorld(server.storage());
  });

  const as = async (
    account: Account,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ) =>
    callApi(server.app(), {
      method,
      url,
      cookie: await cookieFor(server.storage(), account, server.clock.now()),
      ...(body === undefined ? {} : { body }),
    });
  const newClient = () =>
    addAccount(
      server.storage(),
      newAccount(world.clinic.id, 'client', { therapistId: world.therapist.id }),
    );
  const programBody = (expectedVersion: number, changes: Record<string, unknown> = {}) => ({
    expectedVersion,
    basedOn: { source: 'builtin', protocolId: 'prone-ankle-squeeze' },
    adjustments: { holdMs: 1500, wakeUpCapReps: 40 },
    favouredCues: ['fingertips-sleepy-side'],
    unlocks: [{ exercise: 'glute-bridge', unlock: 'held' }],
    message: 'Fingertips on the right glute this week.',
    ...changes,
  });

  it('assigns a program the client’s device pulls, with the adjustments in its protocol', async () => {
    const client = await newClient();
    const url = `/api/clients/${client.id}/program`;
    expect((await as(world.therapist, 'GET', url)).json()).toEqual({ current: null });
    const created = await as(world.therapist, 'POST', url, programBody(0));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      ref: { id: client.id, version: 1 },
      version: 1,
      createdBy: world.therapist.id,
    });
    const program = created.json().program;
    expect(validateProgram(program).ok).toBe(true);
    expect(program).toMatchObject({
      basedOn: { source: 'builtin', id: 'prone-ankle-squeeze', revision: 1 },
      unlocks: { 'glute-bridge': 'held' },
      message: 'Fingertips on the right glute this week.',
      protocol: { id: 'prone-ankle-squeeze', tempo: { holdMs: 1500 } },
    });
    const pulled = (await as(client, 'GET', '/api/sync/pull')).json();
    expect(pulled.programs).toEqual([
      { id: client.id, version: 1, program, createdAt: server.clock.now() },
    ]);
    expect((await as(world.owner, 'GET', url)).json().current.version).toBe(1);
  });

  it('summarises a session that ran a program with that version’s protocol, in any batch split', async () => {
    const client = await newClient();
    const created = await as(
      world.therapist,
      'POST',
      `/api/clients/${client.id}/program`,
      programBody(0, { adjustments: { wakeUpCapReps: 20, sets: 1 } }),
    );
    const { ref, program } = created.json() as {
      ref: { id: string; version: number };
      program: ProgramDocument;
    };
    const script = parseScript('10:thighs 20:hamstrings');
    if (!script.ok) throw new Error('bad script');
    const ran = simulateSession({
      protocol: program.protocol,
      program: ref,
      script: script.actions,
      sessionId: 'program-session-1',
      settings: { timescale: 0.01 },
    });
    const device = new FakeDevice();
    device.record('program-session-1', ran.events);
    const cookie = await cookieFor(server.storage(), client, server.clock.now());
    const half = Math.ceil(device.log.length / 2);
    for (const part of [device.slice(1, half), device.slice(half + 1)]) {
      const pushed = await callApi(server.app(), {
        method: 'POST',
        url: '/api/sync/push',
        cookie,
        body: pushBody(device, client, part),
      });
      expect(pushed.statusCode).toBe(200);
    }
    const [summary] = await server.storage().sync.sessionSummaries(world.clinic.id, client.id);
    expect(summary?.summary).toEqual(ran.summary);
    expect(summary).toMatchObject({ program: ref, outcome: 'not-yet' });
    expect(ran.summary.wakeUp.reps).toBe(20);
  });

  it('row 18: a session run offline on the old version is summarised with it after a new one is saved', async () => {
    const client = await newClient();
    const url = `/api/clients/${client.id}/program`;
    const first = await as(
      world.therapist,
      'POST',
      url,
      programBody(0, { adjustments: { wakeUpCapReps: 12, sets: 1 } }),
    );
    const old = first.json() as { ref: { id: string; version: number }; program: ProgramDocument };
    // Offline, the client runs a session of version 1 ...
    const script = parseScript('8:thighs');
    if (!script.ok) throw new Error('bad script');
    const ran = simulateSession({
      protocol: old.program.protocol,
      program: old.ref,
      script: script.actions,
      sessionId: 'offline-on-version-1',
      settings: { timescale: 0.01 },
    });
    // ... while the therapist saves version 2 with a different cap.
    const second = await as(
      world.therapist,
      'POST',
      url,
      programBody(1, { adjustments: { wakeUpCapReps: 30, sets: 1 } }),
    );
    expect(second.json()).toMatchObject({ ref: { version: 2 } });
    const device = new FakeDevice();
    device.record('offline-on-version-1', ran.events);
    const pushed = await callApi(server.app(), {
      method: 'POST',
      url: '/api/sync/push',
      cookie: await cookieFor(server.storage(), client, server.clock.now()),
      body: pushBody(device, client, device.log),
    });
    expect(pushed.json()).toMatchObject({ accepted: device.log.length, quarantined: [] });
    const [summary] = await server.storage().sync.sessionSummaries(world.clinic.id, client.id);
    expect(summary).toMatchObject({ program: old.ref });
    expect(summary?.summary).toEqual(ran.summary);
    expect(ran.summary.wakeUp.reps).toBe(12);
    // Both versions are kept, newest first.
    const versions = (await as(world.therapist, 'GET', `${url}/versions`)).json().versions;
    expect(versions.map((each: { version: number }) => each.version)).toEqual([2, 1]);
  });

  it('refuses a version made from a stale one, so two therapists never lose a change', async () => {
    const client = await newClient();
    const url = `/api/clients/${client.id}/program`;
    expect((await as(world.therapist, 'POST', url, programBody(0))).statusCode).toBe(201);
    expect((await as(world.owner, 'POST', url, programBody(1, { message: null }))).statusCode).toBe(
      201,
    );
    const late = await as(world.therapist, 'POST', url, programBody(1));
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'program_changed', currentVersion: 2 });
    const versions = (await as(world.therapist, 'GET', `${url}/versions`)).json().versions;
    expect(versions.map((each: { version: number }) => each.version)).toEqual([2, 1]);
    expect(versions[0].program.message).toBeNull();
  });

  it('lists what is wrong with a program, each problem with its path', async () => {
    const client = await newClient();
    const response = await as(
      world.therapist,
      'POST',
      `/api/clients/${client.id}/program`,
      programBody(0, {
        adjustments: { holdMs: 9000 },
        favouredCues: ['levitate'],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'invalid_program',
      problems: ['adjustments.holdMs must be a whole number between 500 and 5000'],
    });
    const badCue = await as(
      world.therapist,
      'POST',
      `/api/clients/${client.id}/program`,
      programBody(0, { favouredCues: ['levitate'] }),
    );
    expect(badCue.json().problems).toEqual([
      'favouredCues[0] names a cue "levitate" that is not in the protocol\'s cues',
    ]);
    expect((await as(world.therapist, 'GET', `/api/clients/${client.id}/program`)).json()).toEqual({
      current: null,
    });
  });

  it('copies a built-in into the library, edits it, and assigns the edited one', async () => {
    const copied = await as(world.therapist, 'POST', '/api/protocol-library', {
      copyOf: 'prone-ankle-squeeze',
      name: 'Ankle squeezes, slow start',
    });
    expect(copied.statusCode).toBe(201);
    const { entryId } = copied.json();
    const edited = { ...squeezes, name: 'Ankle squeezes, slow start', maxCuesPerResponse: 1 };
    const edit = (expectedRevision: number, protocol: unknown) =>
      as(world.owner, 'PUT', `/api/protocol-library/${entryId}`, { expectedRevision, protocol });

    const saved = await edit(1, edited);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      source: 'library',
      revision: 2,
      updatedBy: world.owner.id,
    });
    expect((await edit(1, edited)).json()).toMatchObject({
      code: 'protocol_changed',
      currentRevision: 2,
    });
    const broken = await edit(2, { ...edited, id: 'my-squeezes', tempo: { holdMs: 1 } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('invalid_protocol');
    expect(broken.json().problems).toContain('protocol.tempo.squeezeMs is required');
    const renamed = await edit(2, { ...edited, id: 'my-squeezes' });
    expect(renamed.json().problems).toEqual([
      'protocol.id must stay "prone-ankle-squeeze", the exercise this protocol was copied from',
    ]);
    const smuggled = await edit(2, { ...edited, clinicId: world.clinic.id });
    expect(smuggled.json().problems).toEqual(['protocol has an unknown field "clinicId"']);

    const library = (await as(world.therapist, 'GET', '/api/protocol-library')).json().protocols;
    expect(library.filter((item: { source: string }) => item.source === 'builtin')).toHaveLength(5);
    expect(library.at(-1)).toMatchObject({
      entryId,
      revision: 2,
      protocol: { maxCuesPerResponse: 1 },
    });

    const client = await newClient();
    const assigned = await as(world.therapist, 'POST', `/api/clients/${client.id}/program`, {
      ...programBody(0),
      basedOn: { source: 'library', entryId },
    });
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json().program).toMatchObject({
      basedOn: { source: 'library', id: entryId, revision: 2 },
      protocol: { id: 'prone-ankle-squeeze', name: 'Ankle squeezes, slow start' },
    });

    const south = await clinicWorld(server.storage(), 'South');
    const foreign = await as(south.owner, 'PUT', `/api/protocol-library/${entryId}`, {
      expectedRevision: 2,
      protocol: edited,
    });
    expect(foreign.statusCode).toBe(404);
    const theirs = (await as(south.therapist, 'GET', '/api/protocol-library')).json().protocols;
    expect(theirs.map((item: { source: string }) => item.source)).not.toContain('library');
  });

  it('takes a protocol out of the library; the programs made from it keep their copy', async () => {
    const copied = await as(world.therapist, 'POST', '/api/protocol-library', {
      copyOf: 'prone-ankle-squeeze',
      name: 'Squeezes, short holds',
    });
    const { entryId } = copied.json();
    const client = await newClient();
    const assigned = await as(world.therapist, 'POST', `/api/clients/${client.id}/program`, {
      ...programBody(0),
      basedOn: { source: 'library', entryId },
    });
    expect(assigned.statusCode).toBe(201);

    const south = await clinicWorld(server.storage(), 'South removal');
    const foreign = await as(south.owner, 'DELETE', `/api/protocol-library/${entryId}`);
    expect(foreign.statusCode).toBe(404);

    const removed = await as(world.therapist, 'DELETE', `/api/protocol-library/${entryId}`);
    expect(removed.statusCode).toBe(204);
    const library = (await as(world.owner, 'GET', '/api/protocol-library')).json().protocols;
    expect(library.map((item: { entryId: string | null }) => item.entryId)).not.toContain(entryId);
    expect(
      (await as(world.therapist, 'DELETE', `/api/protocol-library/${entryId}`)).statusCode,
    ).toBe(404);

    const program = (await as(world.therapist, 'GET', `/api/clients/${client.id}/program`)).json();
    expect(program.current.program).toMatchObject({
      basedOn: { source: 'library', id: entryId },
      protocol: { id: 'prone-ankle-squeeze', name: 'Squeezes, short holds' },
    });
    const audit = await server.storage().audit.list(world.clinic.id, { limit: 20 });
    expect(audit.map((entry) => entry.detail)).toContainEqual({ entryId, removed: true });
  });

  it('keeps private notes for staff: never in anything the client can pull', async () => {
    const client = await newClient();
    const url = `/api/clients/${client.id}/notes`;
    const added = await as(world.therapist, 'POST', url, { text: 'Right glute joins late.' });
    expect(added.statusCode).toBe(201);
    expect((await as(world.owner, 'GET', url)).json().notes).toEqual([added.json()]);
    expect((await as(client, 'GET', url)).statusCode).toBe(403);
    expect((await as(client, 'GET', '/api/sync/pull')).body).not.toContain('Right glute');
    const noteUrl = `${url}/${added.json().noteId}`;
    const byColleague = await callApi(server.app(), {
      method: 'DELETE',
      url: noteUrl,
      cookie: await cookieFor(server.storage(), world.otherTherapist, server.clock.now()),
    });
    expect(byColleague.statusCode).toBe(404);
    const byOwner = await callApi(server.app(), {
      method: 'DELETE',
      url: noteUrl,
      cookie: await cookieFor(server.storage(), world.owner, server.clock.now()),
    });
    expect(byOwner.statusCode).toBe(204);
    expect((await as(world.therapist, 'GET', url)).json().notes).toEqual([]);
  });
});
