// The portal's exports through the HTTP API (app.inject, SQLite and
// PostgreSQL): the FHIR Bundle of a client as application/fhir+json whose
// every resource passes the R4 definitions, and the CSV tables read back
// with an independent parser (csv-parse): headers exactly the columns the
// docs list (docs/data-export.md for the client tables, plus the two of
// docs/portal-exports.md for the caseload), row counts those of the synced
// data, the client's sharing choices honoured, the caseload limited to who
// may see whom, and every export in the audit log.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/storage/types.js';
import { describeEachBackend } from '../support/backends.js';
import { TEST_START } from '../support/clock.js';
import { fhirProblemsOf } from '../support/fhir-validator.js';
import { addAccount, clinicWorld, newAccount, type ClinicWorld } from '../support/fixtures.js';
import { A_WEEK_OF_PRACTICE, syncPractice, type Practice } from '../support/practice.js';
import { callApi, cookieFor } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';

const DAY_MS = 86_400_000;

/** The backticked column names of the first table under a heading of a docs page. */
function documentedColumns(page: string, heading: string): string[] {
  const text = readFileSync(new URL(`../../../../docs/${page}`, import.meta.url), 'utf8');
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`${page} has no heading ${heading}`);
  const lines = text.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  const rows = table.slice(
    0,
    table.findIndex((line) => !line.startsWith('|')),
  );
  return rows.slice(2).flatMap((row) => /^\|\s*`([a-z_]+)`/.exec(row)?.[1] ?? []);
}

const CLIENT_COLUMNS = {
  sessions: documentedColumns('data-export.md', '### `sessions.csv`'),
  checkins: documentedColumns('data-export.md', '### `checkins.csv`'),
  symptoms: documentedColumns('data-export.md', '### `symptoms.csv`'),
};
const CASELOAD_COLUMNS = documentedColumns('portal-exports.md', '### The caseload tables');

function readCsv(body: string): { header: string[]; rows: Record<string, string>[] } {
  expect(body.startsWith('\uFEFF')).toBe(true);
  const records: string[][] = parse(body, { bom: true, record_delimiter: '\r\n' });
  const [header = [], ...rest] = records;
  return {
    header,
    rows: rest.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))),
  };
}

describeEachBackend('the portal exports', (backend) => {
  const server = useTestApp(backend);
  let world: ClinicWorld;
  let practice: Practice;
  let private_: Account;
  let privatePractice: Practice;
  let cookies: { owner: string; therapist: string; otherTherapist: string };

  beforeAll(async () => {
    const storage = server.storage();
    world = await clinicWorld(storage);
    practice = await syncPractice(storage, world.client, world.therapist);
    private_ = await addAccount(
      storage,
      newAccount(world.clinic.id, 'client', {
        therapistId: world.therapist.id,
        displayName: 'Private Pat',
        createdAt: TEST_START + 2 * DAY_MS,
        sharing: { history: 'from-joining', symptoms: false, notes: false },
      }),
    );
    privatePractice = await syncPractice(storage, private_, world.therapist);
    const now = server.clock.now();
    cookies = {
      owner: await cookieFor(storage, world.owner, now),
      therapist: await cookieFor(storage, world.therapist, now),
      otherTherapist: await cookieFor(storage, world.otherTherapist, now),
    };
  });

  const get = (url: string, cookie: string) => callApi(server.app(), { url, cookie });

  const readsOf = async (actor: Account) => {
    const log = await server.storage().audit.list(world.clinic.id, { limit: 500 });
    return log.filter((entry) => entry.kind === 'client-data.read' && entry.actorId === actor.id);
  };

  it('sends a client’s record as a valid FHIR R4 Bundle, audited', async () => {
    const response = await get(`/api/clients/${world.client.id}/export/fhir`, cookies.therapist);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="glutewake-client-${world.client.id}.fhir.json"`,
    );
    const bundle = response.json();
    expect(bundle.resourceType).toBe('Bundle');
    const resources = bundle.entry.map(
      (entry: { resource: { resourceType: string } }) => entry.resource,
    );
    expect(
      resources.filter((each: { resourceType: string }) => each.resourceType === 'Procedure'),
    ).toHaveLength(practice.logs.length);
    expect([bundle, ...resources].flatMap(fhirProblemsOf)).toEqual([]);
    expect(await readsOf(world.therapist)).toContainEqual(
      expect.objectContaining({
        subjectId: world.client.id,
        detail: { view: 'client-export', format: 'fhir', sessions: practice.logs.length },
      }),
    );
  });

  it('sends a client’s three CSV tables with the documented columns and a row per thing', async () => {
    const summaries = practice.logs.map((log) => log.summary);
    const expectedRows = {
      sessions: practice.logs.length,
      checkins: summaries.reduce(
        (sum, summary) =>
          sum +
          summary.checkIns.length +
          summary.reports.filter((report) => report.source === 'spontaneous').length,
        0,
      ),
      symptoms: A_WEEK_OF_PRACTICE.reduce(
        (sum, day) => sum + Object.keys(day.symptoms ?? {}).length,
        0,
      ),
    };
    for (const table of ['sessions', 'checkins', 'symptoms'] as const) {
      const response = await get(
        `/api/clients/${world.client.id}/export/${table}.csv`,
        cookies.owner,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const { header, rows } = readCsv(response.body);
      expect(header).toEqual(CLIENT_COLUMNS[table]);
      expect(rows, table).toHaveLength(expectedRows[table]);
    }
    const { rows } = readCsv(
      (await get(`/api/clients/${world.client.id}/export/sessions.csv`, cookies.owner)).body,
    );
    expect(rows.map((row) => row.session_id)).toEqual(practice.logs.map((log) => log.sessionId));
    expect(rows[0]).toMatchObject({ knee: '6', back_stiffness: '5', outcome: 'one-side' });
    expect(rows[0]?.started_at).toBe('2026-03-02T09:00:00+00:00');
    expect(rows[3]?.note).toBe("'=cmd|/C calc!A0 (a note that looks like a formula)");
    expect(rows[5]?.note).toBe('Felt both sides early, "finally".');
    expect(rows[5]?.program_version).toBe(String(practice.programVersion.version));
    const reads = await readsOf(world.owner);
    expect(reads.filter((entry) => entry.subjectId === world.client.id)).toHaveLength(4);
  });

  it('honours the client’s sharing choices in the CSV tables', async () => {
    const shown = privatePractice.logs.filter((log) => log.startAt >= private_.createdAt);
    const sessions = readCsv(
      (await get(`/api/clients/${private_.id}/export/sessions.csv`, cookies.therapist)).body,
    );
    expect(sessions.rows.map((row) => row.session_id)).toEqual(shown.map((log) => log.sessionId));
    for (const row of sessions.rows) {
      expect([row.knee, row.foot, row.hamstring_cramping, row.back_stiffness, row.note]).toEqual([
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    const symptoms = readCsv(
      (await get(`/api/clients/${private_.id}/export/symptoms.csv`, cookies.therapist)).body,
    );
    expect(symptoms.rows).toEqual([]);
    expect(symptoms.header).toEqual(CLIENT_COLUMNS.symptoms);
  });

  it('sends the caseload: the owner every client, a therapist only their own', async () => {
    const other = await addAccount(
      server.storage(),
      newAccount(world.clinic.id, 'client', { therapistId: world.otherTherapist.id }),
    );
    await syncPractice(
      server.storage(),
      other,
      world.otherTherapist,
      A_WEEK_OF_PRACTICE.slice(0, 1),
      0,
    );
    const shownOfPrivate = privatePractice.logs.filter((log) => log.startAt >= private_.createdAt);
    const owner = readCsv((await get('/api/clinic/export/sessions.csv', cookies.owner)).body);
    expect(owner.header).toEqual([...CASELOAD_COLUMNS, ...CLIENT_COLUMNS.sessions]);
    const countBy = (rows: Record<string, string>[]) => {
      const counts: Record<string, number> = {};
      for (const row of rows) counts[row.client_id ?? ''] = (counts[row.client_id ?? ''] ?? 0) + 1;
      return counts;
    };
    expect(countBy(owner.rows)).toEqual({
      [world.client.id]: practice.logs.length,
      [private_.id]: shownOfPrivate.length,
      [other.id]: 1,
    });
    expect(owner.rows.find((row) => row.client_id === private_.id)?.client_name).toBe(
      'Private Pat',
    );
    const therapist = readCsv(
      (await get('/api/clinic/export/sessions.csv', cookies.therapist)).body,
    );
    expect(Object.keys(countBy(therapist.rows)).sort()).toEqual(
      [world.client.id, private_.id].sort(),
    );
    const otherTherapist = readCsv(
      (await get('/api/clinic/export/symptoms.csv', cookies.otherTherapist)).body,
    );
    expect(otherTherapist.header).toEqual([...CASELOAD_COLUMNS, ...CLIENT_COLUMNS.symptoms]);
    expect(Object.keys(countBy(otherTherapist.rows))).toEqual([other.id]);
    const reads = await readsOf(world.otherTherapist);
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subjectId: other.id,
          detail: expect.objectContaining({ view: 'clinic-export' }),
        }),
        expect.objectContaining({
          subjectId: null,
          detail: expect.objectContaining({ clients: 1 }),
        }),
      ]),
    );
  });

  describe('refusals', () => {
    it('answers another therapist’s client as not found, for every export', async () => {
      for (const path of ['fhir', 'sessions.csv', 'checkins.csv']) {
        const response = await get(
          `/api/clients/${world.client.id}/export/${path}`,
          cookies.otherTherapist,
        );
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ code: 'not_found' });
      }
    });

    it('refuses a table that does not exist', async () => {
      const response = await get(`/api/clients/${world.client.id}/export/notes.csv`, cookies.owner);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'bad_request' });
    });
  });
});
