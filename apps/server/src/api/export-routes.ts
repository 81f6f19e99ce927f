// The therapist portal's clinical exports: one client's record as a FHIR R4
// Bundle (docs/fhir.md), one client's sessions, check-ins or symptoms as CSV,
// and the same CSV tables for the whole caseload (docs/portal-exports.md).
// Invariants: who may read what is what client-routes.ts allows (the owner
// every client, a therapist their own; anyone else's client is a 404,
// audited); every export carries only what each client shares
// (sync/shared-with-staff.ts); every export is in the audit log, one entry
// per client whose data it holds, written before the body is sent.
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { clientExportInput, sharedSessionsOf } from '../exports/client-record.js';
import type { CsvCell } from '@glutewake/core';
import {
  clientCsv,
  clinicCsv,
  clinicRowsOf,
  CSV_TABLES,
  type CsvTableName,
} from '../exports/csv-exports.js';
import { clientBundle } from '../exports/fhir-bundle.js';
import { clientFor } from './access.js';
import { AUDIT_KINDS, auditClientRead, auditFor } from './audit.js';
import { uuid } from './fields.js';
import { defineRoute, rolesOnly } from './route.js';

const CSV_FILES = ['sessions.csv', 'checkins.csv', 'symptoms.csv'] as const;
const csvFile = z.enum(CSV_FILES);

function tableOf(file: (typeof CSV_FILES)[number]): CsvTableName {
  const table = CSV_TABLES.find((each) => `${each}.csv` === file);
  if (table === undefined) throw new ApiError('not_found');
  return table;
}

const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
const FHIR_MEDIA_TYPE = 'application/fhir+json; charset=utf-8';

function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}

export const clientFhirExportRoute = defineRoute({
  id: 'exportClientFhir',
  method: 'GET',
  url: '/api/clients/:clientId/export/fhir',
  summary: 'One of your clients’ record as a FHIR R4 Bundle, as far as they share it',
  tag: 'exports',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: z.strictObject({ clientId: uuid }),
  success: {
    status: 200,
    schema: z.string(),
    mediaType: FHIR_MEDIA_TYPE,
    description:
      'A Bundle of type collection: Patient, Practitioner, PractitionerRole, Organization, ' +
      'CarePlan, a Procedure per session with its Observations and QuestionnaireResponses',
  },
  errors: ['not_found'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    const { services, actor, reply } = context;
    const clinic = await services.storage.clinics.get(actor.clinicId);
    if (clinic === null) throw new ApiError('not_found');
    const bundle = clientBundle(await clientExportInput(services.storage, clinic, client));
    await auditClientRead(context, client.id, 'client-export', {
      format: 'fhir',
      sessions: bundle.entry.filter((entry) => entry.resource.resourceType === 'Procedure').length,
    });
    reply.header('content-disposition', attachment(`glutewake-client-${client.id}.fhir.json`));
    return JSON.stringify(bundle);
  },
});

export const clientCsvExportRoute = defineRoute({
  id: 'exportClientCsv',
  method: 'GET',
  url: '/api/clients/:clientId/export/:table',
  summary: 'One of your clients’ sessions, check-ins or symptoms as CSV, as far as they share them',
  tag: 'exports',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: z.strictObject({ clientId: uuid, table: csvFile }),
  success: {
    status: 200,
    schema: z.string(),
    mediaType: CSV_MEDIA_TYPE,
    description: 'RFC 4180 with a byte order mark; the columns of docs/portal-exports.md',
  },
  errors: ['not_found'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    const { services, reply, params } = context;
    const table = tableOf(params.table);
    const shared = await sharedSessionsOf(services.storage, client);
    await auditClientRead(context, client.id, 'client-export', {
      format: 'csv',
      table,
      sessions: shared.logs.length,
    });
    reply.header('content-disposition', attachment(`glutewake-client-${client.id}-${table}.csv`));
    return clientCsv(table, shared);
  },
});

export const clinicCsvExportRoute = defineRoute({
  id: 'exportClinicCsv',
  method: 'GET',
  url: '/api/clinic/export/:table',
  summary:
    'Sessions, check-ins or symptoms of all your clients as CSV (the owner: every client of the clinic)',
  tag: 'exports',
  access: rolesOnly('owner', 'therapist'),
  target: 'none',
  params: z.strictObject({ table: csvFile }),
  success: {
    status: 200,
    schema: z.string(),
    mediaType: CSV_MEDIA_TYPE,
    description:
      'Client by client, by name; client_id and client_name first, then the client table',
  },
  errors: [],
  async handle({ actor, services, request, reply, params }) {
    const table = tableOf(params.table);
    const therapistId = actor.role === 'owner' ? null : actor.accountId;
    const clients = await services.storage.accounts.listClients(actor.clinicId, therapistId);
    const rows: CsvCell[][] = [];
    // One client at a time: only one client's logs are ever in memory.
    for (const client of clients) {
      rows.push(...clinicRowsOf(table, client, await sharedSessionsOf(services.storage, client)));
    }
    // Every client's data was read: one entry each, and one for the export as a whole.
    const audit = auditFor(services, request, actor);
    const read = { view: 'clinic-export', format: 'csv', table };
    await audit.recordEach(
      AUDIT_KINDS.clientDataRead,
      clients.map((client) => client.id),
      read,
    );
    await audit.record(AUDIT_KINDS.clientDataRead, null, { ...read, clients: clients.length });
    reply.header('content-disposition', attachment(`glutewake-clinic-${table}.csv`));
    return clinicCsv(table, rows);
  },
});
