// One client's clinical record as a FHIR R4 Bundle of type "collection" (a
// set of resources to hand over, with no Composition to sign): the clinic,
// the therapist and their role, the client, the check-in Questionnaire, the
// care plans, then each session, oldest first, as its Procedure, its
// Observations and its check-in QuestionnaireResponses. docs/fhir.md
// documents every resource and code. Invariants: pure and deterministic (no
// export time inside: the same input gives the same bundle, byte for byte,
// once serialized); every entry's fullUrl is urn:uuid:<its id> and every
// reference between entries resolves inside the bundle.
import { carePlansOf } from './fhir-care-plans.js';
import { checkInQuestionnaire, checkInResponsesOf } from './fhir-check-ins.js';
import { IDENTIFIER_SYSTEMS } from './fhir-codes.js';
import { fullUrlOf, resourceIds } from './fhir-ids.js';
import { organizationOf, patientOf, practitionerOf, practitionerRoleOf } from './fhir-people.js';
import { observationsOf, procedureOf } from './fhir-sessions.js';
import type { Bundle, ExportedResource } from './fhir-types.js';
import type { ClientExportInput, ExportedSessionRecord } from './export-input.js';

/** Oldest first; sessions that never started go last; ties by id (code-unit order). */
export function compareExportedSessions(
  a: ExportedSessionRecord,
  b: ExportedSessionRecord,
): number {
  const at = a.summary.startedAt ?? Number.MAX_SAFE_INTEGER;
  const bt = b.summary.startedAt ?? Number.MAX_SAFE_INTEGER;
  if (at !== bt) return at - bt;
  return a.summary.sessionId < b.summary.sessionId
    ? -1
    : a.summary.sessionId > b.summary.sessionId
      ? 1
      : 0;
}

export function clientBundle(input: ClientExportInput): Bundle {
  const { clinic, client, therapist } = input;
  const sessions = [...input.sessions].sort(compareExportedSessions);
  const context = { clinicId: clinic.id, client, therapist };
  const carePlans = carePlansOf(
    input.programVersions,
    sessions.map((each) => each.summary),
    context,
  );
  const resources: ExportedResource[] = [
    organizationOf(clinic),
    ...(therapist === null ? [] : [practitionerOf(therapist), practitionerRoleOf(therapist)]),
    patientOf(client, therapist),
    checkInQuestionnaire(),
    ...carePlans.plans,
  ];
  for (const record of sessions) {
    const sessionContext = {
      clinicId: clinic.id,
      client,
      carePlanId: carePlans.planIdFor(record.summary),
    };
    resources.push(
      procedureOf(record, sessionContext),
      ...observationsOf(record, sessionContext),
      ...checkInResponsesOf(record.summary.sessionId, record.checkIns, sessionContext),
    );
  }
  return {
    resourceType: 'Bundle',
    id: resourceIds.bundle(clinic.id, client.id),
    identifier: { system: IDENTIFIER_SYSTEMS.export, value: client.id },
    type: 'collection',
    entry: resources.map((resource) => ({ fullUrl: fullUrlOf(resource.id), resource })),
  };
}
