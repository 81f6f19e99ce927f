// The therapist's caseload through the API, after real sync pushes: the
// client list carries each client's figures at a glance, one client's
// sessions come newest first, both honour what the client shares, and both
// reads are audited. Runs on SQLite and on PostgreSQL.
import { beforeAll, expect, it } from 'vitest';
import type { Account } from '../../src/storage/types.js';
import { describeEachBackend } from '../support/backends.js';
import { addAccount, clinicWorld, newAccount, type ClinicWorld } from '../support/fixtures.js';
import { callApi, cookieFor } from '../support/requests.js';
import { FakeDevice, pushBody, sessionLog } from '../support/sync.js';
import { useTestApp } from '../support/test-app.js';

const DAY_MS = 86_400_000;

describeEachBackend('the caseload', (backend) => {
  const server = useTestApp(backend);
  let world: ClinicWorld;
  beforeAll(async () => {
    world = await clinicWorld(server.storage());
  });

  /** A client of the world's therapist who has synced one session a day for `days` days, ending today. */
  const clientWithDays = async (days: number) => {
    const client = await addAccount(
      server.storage(),
      newAccount(world.clinic.id, 'client', {
        therapistId: world.therapist.id,
        createdAt: server.clock.now() - 30 * DAY_MS,
      }),
    );
    const cookie = await cookieFor(server.storage(), client, server.clock.now());
    const device = new FakeDevice();
    for (let day = days - 1; day >= 0; day--) {
      const { sessionId, events } = sessionLog({
        startAt: server.clock.now() - day * DAY_MS,
        symptoms: { knee: 3 },
        note: `day ${day}`,
      });
      device.record(sessionId, events);
    }
    const response = await callApi(server.app(), {
      method: 'POST',
      url: '/api/sync/push',
      cookie,
      body: pushBody(device, client, device.slice(1)),
    });
    expect(response.statusCode).toBe(200);
    return { client, cookie };
  };

  const asTherapist = async (url: string) =>
    callApi(server.app(), {
      method: 'GET',
      url,
      cookie: await cookieFor(server.storage(), world.therapist, server.clock.now()),
    });

  it('lists each client with their figures at a glance', async () => {
    const { client } = await clientWithDays(5);
    const response = await asTherapist('/api/clients');
    expect(response.statusCode).toBe(200);
    const listed = (response.json() as { clients: (Account & { figures: unknown })[] }).clients;
    expect(listed.find((c) => c.id === client.id)?.figures).toMatchObject({
      sessionsLast14Days: 5,
      practiceDaysLast14: 5,
      latestBalance: null,
      flags: [],
      readiness: {
        practising: { id: 'glute-bridge', name: 'Glute bridges' },
        next: { id: 'hip-thrust', name: 'Hip thrusts' },
        ready: false,
        practiceDays: { have: 5, need: 6, withinDays: 14 },
      },
    });
  });

  it('gives each session’s check-ins as they happened: what was felt at which rep, which cues', async () => {
    const { client } = await clientWithDays(1);
    const { sessions } = (await asTherapist(`/api/clients/${client.id}/sessions`)).json() as {
      sessions: {
        checkIns: { phase: string; rep: number; source: string; felt: string[] | null }[];
      }[];
    };
    const wakeUp = sessions[0]?.checkIns.filter((c) => c.phase === 'wake-up') ?? [];
    expect(wakeUp.map((c) => c.felt)).toContainEqual(['thighs']);
    expect(wakeUp.at(-1)?.felt?.sort()).toEqual(['left', 'right']);
    const reps = wakeUp.map((c) => c.rep);
    expect(reps).toEqual([...reps].sort((a, b) => a - b));
  });

  it('gives one client’s sessions newest first, with symptoms and notes as shared', async () => {
    const { client, cookie } = await clientWithDays(3);
    const all = (await asTherapist(`/api/clients/${client.id}/sessions`)).json() as {
      sessions: { startedAt: number; symptoms: unknown; note: string | null }[];
    };
    expect(all.sessions).toHaveLength(3);
    expect(all.sessions.map((s) => s.note)).toEqual(['day 0', 'day 1', 'day 2']);
    expect(all.sessions[0]?.symptoms).toEqual({ knee: 3 });

    const withheld = await callApi(server.app(), {
      method: 'PUT',
      url: '/api/me/sharing',
      cookie,
      body: { history: 'all', symptoms: false, notes: false },
    });
    expect(withheld.statusCode).toBe(200);
    const after = (await asTherapist(`/api/clients/${client.id}/sessions`)).json() as {
      sessions: { symptoms: unknown; note: string | null }[];
    };
    expect(after.sessions.map((s) => [s.symptoms, s.note])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('audits the read of a client’s sessions', async () => {
    const { client } = await clientWithDays(1);
    await asTherapist(`/api/clients/${client.id}/sessions`);
    const entries = await server.storage().audit.list(world.clinic.id, { limit: 20 });
    expect(entries).toContainEqual(
      expect.objectContaining({
        actorId: world.therapist.id,
        subjectId: client.id,
        detail: { view: 'client-sessions' },
      }),
    );
  });
});
