// The clinic's protocol library: the built-in protocols, and the clinic's
// own copies of them, edited. Invariants: staff of the clinic only (owner
// and therapists alike: the library is the clinic's, not one therapist's);
// a clinic's entries are invisible to every other clinic (404, audited);
// an entry always passes core's protocol schema (400 invalid_protocol lists
// the problems with their paths) and keeps the id of the built-in it was
// copied from, so the ladder and readiness still know which exercise it is;
// an edit names the revision it was made from and is refused with 409
// protocol_changed when another edit came first; removing an entry leaves
// every program made from it as it was (a program version holds its own
// copy of the protocol); every change is audited.
import { randomUUID } from 'node:crypto';
import { builtinProtocols, findBuiltinProtocol } from '@glutewake/core';
import { validateProtocol } from '@glutewake/core/validation';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import type { LibraryEntry } from '../storage/types.js';
import { AUDIT_KINDS, auditFor } from './audit.js';
import { epochMs, plainText, uuid } from './fields.js';
import { defineRoute, rolesOnly, type Actor, type RouteContext } from './route.js';

export const libraryItemView = z.object({
  /** 'builtin' ships with Glutewake and cannot be edited; 'library' is the clinic's own. */
  source: z.enum(['builtin', 'library']),
  /** The library entry's id (null for a built-in). */
  entryId: z.string().nullable(),
  /** The built-in protocol this is, or was copied from. */
  basedOn: z.string(),
  /** The built-in's version, or the entry's revision (counts edits from 1). */
  revision: z.number().int(),
  protocol: z.unknown(),
  updatedAt: epochMs.nullable(),
  updatedBy: z.string().nullable(),
});

type LibraryItem = z.input<typeof libraryItemView>;

const entryViewOf = (entry: LibraryEntry): LibraryItem => ({
  source: 'library',
  entryId: entry.entryId,
  basedOn: entry.basedOn,
  revision: entry.revision,
  protocol: entry.protocol,
  updatedAt: entry.updatedAt,
  updatedBy: entry.updatedBy,
});

export const listLibraryRoute = defineRoute({
  id: 'listProtocolLibrary',
  method: 'GET',
  url: '/api/protocol-library',
  summary: 'The protocols you can assign: the built-ins, then the clinic’s own',
  tag: 'programs',
  access: rolesOnly('owner', 'therapist'),
  target: 'none',
  success: {
    status: 200,
    schema: z.object({ protocols: z.array(libraryItemView) }),
    description: 'Built-ins in ladder order, then the clinic’s entries, oldest first',
  },
  errors: [],
  async handle({ actor, services }) {
    const entries = await services.storage.library.list(actor.clinicId);
    const builtins: LibraryItem[] = builtinProtocols.map((protocol) => ({
      source: 'builtin',
      entryId: null,
      basedOn: protocol.id,
      revision: protocol.version,
      protocol,
      updatedAt: null,
      updatedBy: null,
    }));
    return { protocols: [...builtins, ...entries.map(entryViewOf)] };
  },
});

export const copyBuiltinRoute = defineRoute({
  id: 'copyProtocolIntoLibrary',
  method: 'POST',
  url: '/api/protocol-library',
  summary: 'Copy a built-in protocol into the clinic’s library, to edit it',
  tag: 'programs',
  access: rolesOnly('owner', 'therapist'),
  target: 'none',
  body: z.strictObject({
    copyOf: z.string().min(1).max(64),
    /** The copy's name (the built-in's name otherwise). */
    name: plainText(80).optional(),
  }),
  success: { status: 201, schema: libraryItemView, description: 'The new entry, revision 1' },
  errors: ['invalid_protocol'],
  async handle({ body, actor, services, request }) {
    const builtin = findBuiltinProtocol(body.copyOf);
    if (builtin === null) {
      const known = builtinProtocols.map((p) => p.id).join(', ');
      throw new ApiError('invalid_protocol', {
        problems: [`copyOf must be a built-in protocol (${known})`],
      });
    }
    const protocol = { ...structuredClone(builtin), name: body.name ?? builtin.name };
    const checked = validateProtocol(protocol);
    if (!checked.ok) throw new ApiError('invalid_protocol', { problems: checked.problems });
    const now = services.now();
    const entry: LibraryEntry = {
      entryId: randomUUID(),
      basedOn: builtin.id,
      revision: 1,
      protocol: checked.value,
      createdAt: now,
      createdBy: actor.accountId,
      updatedAt: now,
      updatedBy: actor.accountId,
    };
    await services.storage.library.add(actor.clinicId, entry);
    await auditFor(services, request, actor).record(AUDIT_KINDS.protocolLibraryChanged, null, {
      entryId: entry.entryId,
      copyOf: builtin.id,
      revision: 1,
    });
    return entryViewOf(entry);
  },
});

/** A problem of the protocol document, named by its place in the body. */
function underProtocol(problem: string): string {
  const root = 'the document ';
  return problem.startsWith(root)
    ? `protocol ${problem.slice(root.length)}`
    : `protocol.${problem}`;
}

type Context = RouteContext<unknown, unknown, unknown> & { actor: Actor };

async function entryNotFound(context: Context, entryId: string): Promise<never> {
  await auditFor(context.services, context.request, context.actor).denied(
    'not-found',
    { what: 'library protocol', id: entryId },
    entryId,
  );
  throw new ApiError('not_found');
}

export const editLibraryEntryRoute = defineRoute({
  id: 'editLibraryProtocol',
  method: 'PUT',
  url: '/api/protocol-library/:entryId',
  summary: 'Replace a protocol of the clinic’s library with an edited one',
  tag: 'programs',
  access: rolesOnly('owner', 'therapist'),
  target: 'none',
  params: z.strictObject({ entryId: uuid }),
  body: z.strictObject({
    /** The revision the edit was made from. */
    expectedRevision: z.number().int().min(1),
    /** A whole protocol document, checked by core's protocol schema. */
    protocol: z.record(z.string(), z.unknown()),
  }),
  success: { status: 200, schema: libraryItemView, description: 'The entry, one revision on' },
  errors: ['not_found', 'invalid_protocol', 'protocol_changed'],
  async handle(context) {
    const { body, params, actor, services, request } = context;
    const entry = await services.storage.library.get(actor.clinicId, params.entryId);
    if (entry === null) return entryNotFound(context, params.entryId);
    const checked = validateProtocol(body.protocol);
    const problems = checked.ok ? [] : checked.problems.map(underProtocol);
    if (checked.ok && checked.value.id !== entry.basedOn) {
      problems.push(
        `protocol.id must stay "${entry.basedOn}", the exercise this protocol was copied from`,
      );
    }
    if (!checked.ok || problems.length > 0) throw new ApiError('invalid_protocol', { problems });
    const written = await services.storage.library.update(actor.clinicId, entry.entryId, {
      protocol: checked.value,
      expectedRevision: body.expectedRevision,
      at: services.now(),
      by: actor.accountId,
    });
    if (written.kind === 'missing') return entryNotFound(context, params.entryId);
    if (written.kind === 'changed') {
      throw new ApiError('protocol_changed', { currentRevision: written.currentRevision });
    }
    await auditFor(services, request, actor).record(AUDIT_KINDS.protocolLibraryChanged, null, {
      entryId: entry.entryId,
      revision: written.entry.revision,
    });
    return entryViewOf(written.entry);
  },
});

export const removeLibraryEntryRoute = defineRoute({
  id: 'removeLibraryProtocol',
  method: 'DELETE',
  url: '/api/protocol-library/:entryId',
  summary:
    'Take a protocol out of the clinic’s library (programs made from it keep their own copy)',
  tag: 'programs',
  access: rolesOnly('owner', 'therapist'),
  target: 'none',
  params: z.strictObject({ entryId: uuid }),
  success: { status: 204, description: 'Removed' },
  errors: ['not_found'],
  async handle(context) {
    const { params, actor, services, request } = context;
    const removed = await services.storage.library.remove(actor.clinicId, params.entryId);
    if (!removed) return entryNotFound(context, params.entryId);
    await auditFor(services, request, actor).record(AUDIT_KINDS.protocolLibraryChanged, null, {
      entryId: params.entryId,
      removed: true,
    });
  },
});
