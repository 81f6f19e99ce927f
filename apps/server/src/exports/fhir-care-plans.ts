// The client's plan of care: one CarePlan per program version their
// therapist assigned (the newest active, each older one revoked and replaced
// by the next), or, for a client with no program version yet, one CarePlan
// for the built-in prone ankle squeezes. Each plan's activity is SNOMED CT
// 229065009 "Exercise therapy". Invariants: pure; a session is based on the
// program version it names ({id: the client's id, version}, as
// sync/program-lookup.ts reads it), else on the version in force when it started,
// else on the built-in plan (which is then exported too, so every
// Procedure.basedOn resolves inside the bundle).
import { findBuiltinProtocol, type SessionSummary } from '@glutewake/core';
import type { Account, ProgramVersion } from '../storage/types.js';
import { EXERCISE_THERAPY, IDENTIFIER_SYSTEMS, protocolUri } from './fhir-codes.js';
import { fhirInstant } from './export-input.js';
import { referenceTo, resourceIds } from './fhir-ids.js';
import type { CarePlan, Reference } from './fhir-types.js';

export const BUILT_IN_PROTOCOL_ID = 'prone-ankle-squeeze';

interface ProtocolHeading {
  id: string | null;
  version: number | null;
  name: string;
  purpose: string | null;
}

/**
 * The name and purpose of a program's protocol, read defensively: a program
 * version holds a program document (its protocol under `protocol`), or, in
 * rows written before programs had a schema, a bare protocol document.
 */
export function protocolHeading(document: unknown): ProtocolHeading {
  const outer = typeof document === 'object' && document !== null ? document : {};
  const inner = (outer as Record<string, unknown>).protocol;
  const record = typeof inner === 'object' && inner !== null ? inner : outer;
  const field = (key: string): unknown => (record as Record<string, unknown>)[key];
  const id = field('id');
  const version = field('version');
  const name = field('name');
  const purpose = field('purpose');
  return {
    id: typeof id === 'string' ? id : null,
    version: typeof version === 'number' && Number.isInteger(version) ? version : null,
    name: typeof name === 'string' && name.trim() !== '' ? name : 'Glutewake program',
    purpose: typeof purpose === 'string' && purpose.trim() !== '' ? purpose : null,
  };
}

export interface CarePlans {
  /** Oldest first. */
  plans: CarePlan[];
  /** The id of the plan a session was done under. */
  planIdFor(session: Pick<SessionSummary, 'program' | 'startedAt'>): string;
}

interface PlanContext {
  clinicId: string;
  client: Account;
  therapist: Account | null;
}

function authorOf(createdBy: string, context: PlanContext): Reference {
  const { therapist } = context;
  return therapist !== null && therapist.id === createdBy
    ? referenceTo(
        resourceIds.practitionerRole(therapist.clinicId, therapist.id),
        therapist.displayName,
      )
    : { identifier: { system: IDENTIFIER_SYSTEMS.account, value: createdBy } };
}

function activityOf(heading: ProtocolHeading, active: boolean): CarePlan['activity'] {
  return [
    {
      detail: {
        code: { coding: [EXERCISE_THERAPY], text: heading.name },
        status: active ? 'in-progress' : 'stopped',
        ...(heading.purpose === null ? {} : { description: heading.purpose }),
      },
    },
  ];
}

function programPlan(
  version: ProgramVersion,
  next: ProgramVersion | undefined,
  previous: ProgramVersion | undefined,
  context: PlanContext,
): CarePlan {
  const heading = protocolHeading(version.protocol);
  const { clinicId, client } = context;
  const active = next === undefined;
  return {
    resourceType: 'CarePlan',
    id: resourceIds.carePlan(clinicId, client.id, version.version),
    identifier: [
      { system: IDENTIFIER_SYSTEMS.programVersion, value: `${client.id}/${version.version}` },
    ],
    ...(heading.id === null || heading.version === null
      ? {}
      : { instantiatesUri: [protocolUri(heading.id, heading.version)] }),
    ...(previous === undefined
      ? {}
      : { replaces: [referenceTo(resourceIds.carePlan(clinicId, client.id, previous.version))] }),
    status: active ? 'active' : 'revoked',
    intent: 'plan',
    title: `${heading.name} (program version ${version.version})`,
    description: heading.purpose ?? heading.name,
    subject: referenceTo(resourceIds.patient(clinicId, client.id), client.displayName),
    period: {
      start: fhirInstant(version.createdAt),
      ...(next === undefined ? {} : { end: fhirInstant(next.createdAt) }),
    },
    created: fhirInstant(version.createdAt),
    author: authorOf(version.createdBy, context),
    activity: activityOf(heading, active),
  };
}

function builtInPlan(active: boolean, context: PlanContext): CarePlan {
  const protocol = findBuiltinProtocol(BUILT_IN_PROTOCOL_ID);
  const heading: ProtocolHeading = {
    id: BUILT_IN_PROTOCOL_ID,
    version: protocol?.version ?? 1,
    name: protocol?.name ?? 'Prone ankle squeezes',
    purpose: protocol?.purpose ?? null,
  };
  const { clinicId, client } = context;
  return {
    resourceType: 'CarePlan',
    id: resourceIds.carePlan(clinicId, client.id, 'built-in'),
    identifier: [{ system: IDENTIFIER_SYSTEMS.programVersion, value: `${client.id}/built-in` }],
    instantiatesUri: [protocolUri(BUILT_IN_PROTOCOL_ID, heading.version ?? 1)],
    status: active ? 'active' : 'revoked',
    intent: 'plan',
    title: `${heading.name} (built in)`,
    description: heading.purpose ?? heading.name,
    subject: referenceTo(resourceIds.patient(clinicId, client.id), client.displayName),
    activity: activityOf(heading, active),
  };
}

export function carePlansOf(
  versions: readonly ProgramVersion[],
  sessions: readonly Pick<SessionSummary, 'program' | 'startedAt'>[],
  context: PlanContext,
): CarePlans {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const versionFor = (session: Pick<SessionSummary, 'program' | 'startedAt'>) => {
    const { program } = session;
    const named = ordered.find(
      (each) => program?.id === context.client.id && each.version === program.version,
    );
    if (named !== undefined) return named;
    const startedAt = session.startedAt;
    if (startedAt === null) return ordered.at(-1) ?? null;
    return ordered.filter((each) => each.createdAt <= startedAt).at(-1) ?? null;
  };
  const needsBuiltIn = ordered.length === 0 || sessions.some((each) => versionFor(each) === null);
  const plans = [
    ...(needsBuiltIn ? [builtInPlan(ordered.length === 0, context)] : []),
    ...ordered.map((version, index) =>
      programPlan(version, ordered[index + 1], ordered[index - 1], context),
    ),
  ];
  return {
    plans,
    planIdFor(session) {
      const version = versionFor(session);
      return resourceIds.carePlan(
        context.clinicId,
        context.client.id,
        version?.version ?? 'built-in',
      );
    },
  };
}
