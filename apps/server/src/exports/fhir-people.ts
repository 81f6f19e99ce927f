// The people and the place of a clinical export: the clinic as an
// Organization, the client as a Patient, and the client's therapist as a
// Practitioner with a PractitionerRole in that Organization. Invariants:
// pure; ids come from fhir-ids.ts; a client without a therapist exports no
// Practitioner and no PractitionerRole, and the Patient names none.
import type { Account, Clinic } from '../storage/types.js';
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS, STAFF_ROLE_DISPLAYS } from './fhir-codes.js';
import { referenceTo, resourceIds } from './fhir-ids.js';
import type { Organization, Patient, Practitioner, PractitionerRole } from './fhir-types.js';

export function organizationOf(clinic: Clinic): Organization {
  return {
    resourceType: 'Organization',
    id: resourceIds.organization(clinic.id),
    identifier: [{ system: IDENTIFIER_SYSTEMS.clinic, value: clinic.id }],
    active: true,
    name: clinic.name,
  };
}

export function patientOf(client: Account, therapist: Account | null): Patient {
  return {
    resourceType: 'Patient',
    id: resourceIds.patient(client.clinicId, client.id),
    identifier: [{ system: IDENTIFIER_SYSTEMS.account, value: client.id }],
    active: client.status === 'active',
    name: [{ text: client.displayName }],
    telecom: [{ system: 'email', value: client.email }],
    ...(therapist === null
      ? {}
      : {
          generalPractitioner: [
            referenceTo(
              resourceIds.practitionerRole(therapist.clinicId, therapist.id),
              therapist.displayName,
            ),
          ],
        }),
    managingOrganization: referenceTo(resourceIds.organization(client.clinicId)),
  };
}

export function practitionerOf(staff: Account): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: resourceIds.practitioner(staff.clinicId, staff.id),
    identifier: [{ system: IDENTIFIER_SYSTEMS.account, value: staff.id }],
    active: staff.status === 'active',
    name: [{ text: staff.displayName }],
    telecom: [{ system: 'email', value: staff.email }],
  };
}

export function practitionerRoleOf(staff: Account): PractitionerRole {
  const role = staff.role === 'owner' ? 'owner' : 'therapist';
  const display = STAFF_ROLE_DISPLAYS[role];
  return {
    resourceType: 'PractitionerRole',
    id: resourceIds.practitionerRole(staff.clinicId, staff.id),
    identifier: [{ system: IDENTIFIER_SYSTEMS.account, value: staff.id }],
    active: staff.status === 'active',
    practitioner: referenceTo(
      resourceIds.practitioner(staff.clinicId, staff.id),
      staff.displayName,
    ),
    organization: referenceTo(resourceIds.organization(staff.clinicId)),
    code: [{ coding: [{ system: CODE_SYSTEMS.staffRole, code: role, display }], text: display }],
  };
}
