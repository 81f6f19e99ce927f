// The clinic's protocol library over Kysely. Invariants: entries are scoped
// to their clinic; an edit names the revision it was made from and is
// refused as `changed` when the entry moved on meanwhile (checked and
// written in one transaction, with the row locked on PostgreSQL), so two
// therapists editing one protocol never lose a change silently.
import type { Selectable } from 'kysely';
import type { ProtocolLibraryTable } from '../db/database.js';
import type { DatabaseHandle } from '../db/open.js';
import { inClinic } from '../db/tenancy.js';
import type { LibraryEntry, ProtocolLibraryStore } from './clinical-types.js';

function fromRow(row: Selectable<ProtocolLibraryTable>): LibraryEntry {
  return {
    entryId: row.entry_id,
    basedOn: row.based_on,
    revision: Number(row.revision),
    protocol: JSON.parse(row.protocol) as unknown,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export function protocolLibraryStore(db: DatabaseHandle): ProtocolLibraryStore {
  return {
    async list(clinicId) {
      const rows = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('protocol_library')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .orderBy('created_at')
          .orderBy('entry_id')
          .execute(),
      );
      return rows.map(fromRow);
    },
    async get(clinicId, entryId) {
      const row = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('protocol_library')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('entry_id', '=', entryId)
          .executeTakeFirst(),
      );
      return row === undefined ? null : fromRow(row);
    },
    async add(clinicId, entry) {
      await inClinic(db, clinicId, (trx) =>
        trx
          .insertInto('protocol_library')
          .values({
            clinic_id: clinicId,
            entry_id: entry.entryId,
            based_on: entry.basedOn,
            revision: entry.revision,
            protocol: JSON.stringify(entry.protocol),
            created_at: entry.createdAt,
            created_by: entry.createdBy,
            updated_at: entry.updatedAt,
            updated_by: entry.updatedBy,
          })
          .execute(),
      );
    },
    async update(clinicId, entryId, change) {
      return inClinic(db, clinicId, async (trx) => {
        let query = trx
          .selectFrom('protocol_library')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('entry_id', '=', entryId);
        if (db.dialect === 'postgres') query = query.forUpdate();
        const row = await query.executeTakeFirst();
        if (row === undefined) return { kind: 'missing' } as const;
        const current = fromRow(row);
        if (current.revision !== change.expectedRevision) {
          return { kind: 'changed', currentRevision: current.revision } as const;
        }
        const revision = current.revision + 1;
        await trx
          .updateTable('protocol_library')
          .set({
            revision,
            protocol: JSON.stringify(change.protocol),
            updated_at: change.at,
            updated_by: change.by,
          })
          .where('clinic_id', '=', clinicId)
          .where('entry_id', '=', entryId)
          .execute();
        return {
          kind: 'updated',
          entry: {
            ...current,
            revision,
            protocol: change.protocol,
            updatedAt: change.at,
            updatedBy: change.by,
          },
        } as const;
      });
    },
    async remove(clinicId, entryId) {
      const result = await inClinic(db, clinicId, (trx) =>
        trx
          .deleteFrom('protocol_library')
          .where('clinic_id', '=', clinicId)
          .where('entry_id', '=', entryId)
          .executeTakeFirst(),
      );
      return Number(result.numDeletedRows) > 0;
    },
  };
}
