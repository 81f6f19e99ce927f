// A therapist's private notes on a client: listed newest first, added and
// deleted. Invariants: staff only, and only those who may see the client
// (the owner, the client's own therapist; anyone else 404, audited); a
// client never reaches them (no client route reads them, and sync never
// carries them); every read of a client's notes is audited as a read of
// client data, and every change is audited too; a note is deleted by its
// author or by the owner (anyone else: 404, as if it did not exist).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import type { TherapistNote } from '../storage/types.js';
import { clientFor } from './access.js';
import { AUDIT_KINDS, auditClientRead, auditFor } from './audit.js';
import { epochMs, plainText, uuid } from './fields.js';
import { defineRoute, rolesOnly } from './route.js';

export const noteView = z.object({
  noteId: z.string(),
  authorId: z.string(),
  text: z.string(),
  createdAt: epochMs,
});

const noteViewOf = (note: TherapistNote): z.input<typeof noteView> => ({
  noteId: note.noteId,
  authorId: note.authorId,
  text: note.text,
  createdAt: note.createdAt,
});

export const listNotesRoute = defineRoute({
  id: 'listClientNotes',
  method: 'GET',
  url: '/api/clients/:clientId/notes',
  summary: 'Your private notes on one of your clients, newest first (never shown to the client)',
  tag: 'notes',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: z.strictObject({ clientId: uuid }),
  success: {
    status: 200,
    schema: z.object({ notes: z.array(noteView) }),
    description: 'Newest first',
  },
  errors: ['not_found'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    const { services, actor } = context;
    const notes = await services.storage.notes.list(actor.clinicId, client.id);
    await auditClientRead(context, client.id, 'client-notes');
    return { notes: notes.map(noteViewOf) };
  },
});

export const addNoteRoute = defineRoute({
  id: 'addClientNote',
  method: 'POST',
  url: '/api/clients/:clientId/notes',
  summary: 'Add a private note on one of your clients',
  tag: 'notes',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: z.strictObject({ clientId: uuid }),
  body: z.strictObject({ text: plainText(4000) }),
  success: { status: 201, schema: noteView, description: 'The note' },
  errors: ['not_found'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    const { body, services, request, actor } = context;
    const note: TherapistNote = {
      noteId: randomUUID(),
      clientId: client.id,
      authorId: actor.accountId,
      text: body.text,
      createdAt: services.now(),
    };
    await services.storage.notes.add(actor.clinicId, note);
    await auditFor(services, request, actor).record(AUDIT_KINDS.noteAdded, client.id, {
      noteId: note.noteId,
    });
    return noteViewOf(note);
  },
});

export const deleteNoteRoute = defineRoute({
  id: 'deleteClientNote',
  method: 'DELETE',
  url: '/api/clients/:clientId/notes/:noteId',
  summary: 'Delete a private note (your own, or any as the owner)',
  tag: 'notes',
  access: rolesOnly('owner', 'therapist'),
  target: 'client',
  params: z.strictObject({ clientId: uuid, noteId: uuid }),
  success: { status: 204, description: 'Deleted' },
  errors: ['not_found'],
  async handle(context) {
    const client = await clientFor(context, context.params.clientId);
    const { params, services, request, actor } = context;
    const note = await services.storage.notes.get(actor.clinicId, client.id, params.noteId);
    const mayDelete =
      note !== null && (actor.role === 'owner' || note.authorId === actor.accountId);
    if (!mayDelete) {
      await auditFor(services, request, actor).denied(
        'not-found',
        { what: 'note', id: params.noteId },
        client.id,
      );
      throw new ApiError('not_found');
    }
    await services.storage.notes.remove(actor.clinicId, client.id, params.noteId);
    await auditFor(services, request, actor).record(AUDIT_KINDS.noteDeleted, client.id, {
      noteId: params.noteId,
    });
  },
});
