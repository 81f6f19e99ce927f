// Therapists' private notes on clients, over Kysely. Invariants: every read
// and write is scoped to one clinic and one client; nothing here is reachable
// from a client's own routes (the API gives notes to staff only).
import type { Selectable } from 'kysely';
import type { TherapistNotesTable } from '../db/database.js';
import type { DatabaseHandle } from '../db/open.js';
import { inClinic } from '../db/tenancy.js';
import type { NoteStore, TherapistNote } from './clinical-types.js';

function fromRow(row: Selectable<TherapistNotesTable>): TherapistNote {
  return {
    noteId: row.note_id,
    clientId: row.client_id,
    authorId: row.author_id,
    text: row.text,
    createdAt: Number(row.created_at),
  };
}

export function noteStore(db: DatabaseHandle): NoteStore {
  return {
    async list(clinicId, clientId) {
      const rows = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('therapist_notes')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('client_id', '=', clientId)
          .orderBy('created_at', 'desc')
          .orderBy('note_id')
          .execute(),
      );
      return rows.map(fromRow);
    },
    async get(clinicId, clientId, noteId) {
      const row = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('therapist_notes')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('client_id', '=', clientId)
          .where('note_id', '=', noteId)
          .executeTakeFirst(),
      );
      return row === undefined ? null : fromRow(row);
    },
    async add(clinicId, note) {
      await inClinic(db, clinicId, (trx) =>
        trx
          .insertInto('therapist_notes')
          .values({
            clinic_id: clinicId,
            note_id: note.noteId,
            client_id: note.clientId,
            author_id: note.authorId,
            text: note.text,
            created_at: note.createdAt,
          })
          .execute(),
      );
    },
    async remove(clinicId, clientId, noteId) {
      const result = await inClinic(db, clinicId, (trx) =>
        trx
          .deleteFrom('therapist_notes')
          .where('clinic_id', '=', clinicId)
          .where('client_id', '=', clientId)
          .where('note_id', '=', noteId)
          .executeTakeFirst(),
      );
      return Number(result.numDeletedRows) > 0;
    },
  };
}
