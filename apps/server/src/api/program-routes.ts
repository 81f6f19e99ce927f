// A client's program: the protocol their therapist assigned, adjusted, with
// the cues to favour, early or held unlocks and a short message. Reading
// the current version and the history, and making a new version. Invariants:
// owner (whole clinic) and the client's own therapist only, like
// client-routes.ts (anyone else: 404, audited); every read is audited as a
// read of client data; a new version names the version it was made from
// (`expectedVersion`, 0 for a first program) and is refused with 409
// program_changed when another one was made meanwhile, so two therapists
// editing at once never lose a change; what is stored always passes core's
// program schema (400 invalid_program lists the problems with their paths).
import { builtinProtocols, findBuiltinProtocol, type Protocol } from '@glutewake/core';
import { buildProgram, validateProtocol } from '@glutewake/core/validation';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { programRefOf } from '../sync/program-lookup.js';
import type { StoredProgramVersion } from '../storage/types.js';
import { clientFor } from './access.js';
import { AUDIT_KINDS, auditClientRead, auditFor } from './audit.js';
import { epochMs, plainText, uuid } from './fields.js';
import { defineRoute, rolesOnly, type Actor, type RouteContext } from './route.js';

const HISTORY_LIMIT = 100;

const exerciseId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, {
  error: 'must be an exercise id like "glute-bridge"',
});

export const programVersionView = z.object({
  /** What a session that ran this version names as its `program`. */
  ref: z.object({ id: z.string(), version: z.number().int() }),
  version: z.number().int(),
  /** The program document: core's program schema (protocol, adjustments, cues, unlocks, message). */
  program: z.unknown(),
  createdAt: epochMs,
  createdBy: z.string(),
});

function versionViewOf(stored: StoredProgramVersion): z.input<typeof programVersionView> {
  return {
    ref: programRefOf(stored.clientId, stored.version),
    version: stored.version,
    program: stored.program,
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
  };
}

const clientParams = z.strictObject({ clientId: uuid });

export const getProgramRoute = defineRoute({
  id: 'getClientProgram',
  method: 'GET',
  url: '/api/clients/:clientId/program',
  summary: 'One of your clients’ current program (null when none was assigned)',
  tag: 'programs',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: clientParams,
  success: {
    status: 200,
    schema: z.object({ current: programVersionView.nullable() }),
    description: 'The latest program version',
  },
  errors: ['not_found'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    const { services, actor } = context;
    const current = await services.storage.programs.current(actor.clinicId, client.id);
    await auditClientRead(context, client.id, 'client-program');
    return { current: current === null ? null : versionViewOf(current) };
  },
});

export const listProgramVersionsRoute = defineRoute({
  id: 'listClientProgramVersions',
  method: 'GET',
  url: '/api/clients/:clientId/program/versions',
  summary: 'Every version of one of your clients’ program, newest first',
  tag: 'programs',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: clientParams,
  success: {
    status: 200,
    schema: z.object({ versions: z.array(programVersionView) }),
    description: `Newest first, at most ${HISTORY_LIMIT}`,
  },
  errors: ['not_found'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    const { services, actor } = context;
    const versions = await services.storage.programs.versions(
      actor.clinicId,
      client.id,
      HISTORY_LIMIT,
    );
    await auditClientRead(context, client.id, 'client-program-versions');
    return { versions: versions.map(versionViewOf) };
  },
});

const newProgramBody = z.strictObject({
  /** The version this one follows: the current version as the editor loaded it, 0 for none. */
  expectedVersion: z.number().int().min(0),
  basedOn: z.union([
    z.strictObject({ source: z.literal('builtin'), protocolId: exerciseId }),
    z.strictObject({ source: z.literal('library'), entryId: uuid }),
  ]),
  adjustments: z.strictObject({
    holdMs: z.number().int().optional(),
    restBetweenSetsSeconds: z.number().int().optional(),
    checkInEveryReps: z.number().int().optional(),
    wakeUpCapReps: z.number().int().optional(),
    sets: z.number().int().optional(),
    repsPerSet: z.number().int().optional(),
  }),
  favouredCues: z.array(exerciseId).max(20),
  unlocks: z
    .array(z.strictObject({ exercise: exerciseId, unlock: z.enum(['early', 'held']) }))
    .max(20),
  message: plainText(280).nullable(),
});

type Context = RouteContext<unknown, unknown, unknown> & { actor: Actor };
type BasedOn = z.output<typeof newProgramBody>['basedOn'];

/** The protocol a new program starts from, or the problem with the choice. */
async function baseOf(
  context: Context,
  basedOn: BasedOn,
): Promise<{ base: Protocol; source: 'builtin' | 'library'; id: string; revision: number }> {
  if (basedOn.source === 'builtin') {
    const base = findBuiltinProtocol(basedOn.protocolId);
    if (base === null) {
      const known = builtinProtocols.map((p) => p.id).join(', ');
      throw new ApiError('invalid_program', {
        problems: [`basedOn.protocolId must be a built-in protocol (${known})`],
      });
    }
    return { base, source: 'builtin', id: base.id, revision: base.version };
  }
  const { actor, services } = context;
  const entry = await services.storage.library.get(actor.clinicId, basedOn.entryId);
  const checked = entry === null ? null : validateProtocol(entry.protocol);
  if (entry === null || checked === null || !checked.ok) {
    throw new ApiError('invalid_program', {
      problems: ['basedOn.entryId must name a protocol of the clinic’s library'],
    });
  }
  return { base: checked.value, source: 'library', id: entry.entryId, revision: entry.revision };
}

export const createProgramVersionRoute = defineRoute({
  id: 'createClientProgramVersion',
  method: 'POST',
  url: '/api/clients/:clientId/program',
  summary:
    'Assign or adjust one of your clients’ program: a new version, made from the version you saw',
  tag: 'programs',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: clientParams,
  body: newProgramBody,
  success: {
    status: 201,
    schema: programVersionView,
    description: 'The new version; the client’s device gets it at its next sync',
  },
  errors: ['not_found', 'invalid_program', 'program_changed'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    const { body, services, request, actor } = context;
    const { base, ...basedOn } = await baseOf(context, body.basedOn);
    const built = buildProgram({
      basedOn,
      base,
      adjustments: body.adjustments,
      favouredCues: body.favouredCues,
      unlocks: Object.fromEntries(body.unlocks.map((each) => [each.exercise, each.unlock])),
      message: body.message,
    });
    if (!built.ok) throw new ApiError('invalid_program', { problems: built.problems });
    const written = await services.storage.programs.create(
      actor.clinicId,
      {
        clientId: client.id,
        program: built.value,
        createdAt: services.now(),
        createdBy: actor.accountId,
      },
      body.expectedVersion,
    );
    if (written.kind === 'changed') {
      throw new ApiError('program_changed', { currentVersion: written.currentVersion });
    }
    await auditFor(services, request, actor).record(AUDIT_KINDS.programAssigned, client.id, {
      version: written.program.version,
      protocol: built.value.protocol.id,
    });
    return versionViewOf(written.program);
  },
});
