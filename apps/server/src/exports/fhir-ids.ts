// Ids of the resources in a clinical export, derived from our own ids so that
// the same data always exports the same bundle: a name-based UUID (RFC 9562
// version 5, SHA-1) of what the resource stands for, such as
// "procedure:<clinic>/<session>". Invariants: deterministic; two different
// names give different ids (up to SHA-1 collisions); the bundle entry's
// fullUrl is "urn:uuid:" + the resource's id, and every reference inside the
// bundle uses that fullUrl.
import { createHash } from 'node:crypto';
import type { Reference } from './fhir-types.js';

/** Our namespace for name-based UUIDs (itself a random UUID, fixed for ever). */
const GLUTEWAKE_NAMESPACE = '5b0d3f6e-2a4c-4f8e-9d61-7c3a1e8b2f40';

function bytesOfUuid(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1')
    .update(bytesOfUuid(GLUTEWAKE_NAMESPACE))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function fullUrlOf(id: string): string {
  return `urn:uuid:${id}`;
}

export function referenceTo(id: string, display?: string): Reference {
  return display === undefined
    ? { reference: fullUrlOf(id) }
    : { reference: fullUrlOf(id), display };
}

/** The id of each kind of resource, from the ids it stands for. */
export const resourceIds = {
  organization: (clinicId: string) => nameBasedUuid(`organization:${clinicId}`),
  patient: (clinicId: string, clientId: string) => nameBasedUuid(`patient:${clinicId}/${clientId}`),
  practitioner: (clinicId: string, staffId: string) =>
    nameBasedUuid(`practitioner:${clinicId}/${staffId}`),
  practitionerRole: (clinicId: string, staffId: string) =>
    nameBasedUuid(`practitioner-role:${clinicId}/${staffId}`),
  carePlan: (clinicId: string, clientId: string, programVersion: number | 'built-in') =>
    nameBasedUuid(`care-plan:${clinicId}/${clientId}/${programVersion}`),
  procedure: (clinicId: string, sessionId: string) =>
    nameBasedUuid(`procedure:${clinicId}/${sessionId}`),
  observation: (clinicId: string, sessionId: string, what: string) =>
    nameBasedUuid(`observation:${clinicId}/${sessionId}/${what}`),
  questionnaire: () => nameBasedUuid('questionnaire:check-in'),
  questionnaireResponse: (clinicId: string, sessionId: string, checkInIndex: number) =>
    nameBasedUuid(`questionnaire-response:${clinicId}/${sessionId}/${checkInIndex}`),
  bundle: (clinicId: string, clientId: string) => nameBasedUuid(`bundle:${clinicId}/${clientId}`),
};
