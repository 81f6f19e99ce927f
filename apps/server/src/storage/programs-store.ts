// Program versions over Kysely (the table is program_versions, from 0002;
// sync's pull reads it too). Invariants: versions of a client are 1, 2, ...
// with no gaps; a write names the version it expects to follow and fails as
// `changed` when another one got there first, whether it saw it before
// writing (the latest is not the expected one) or lost the race to insert it
// (the primary key refuses the second copy of a version).
import type { ProtocolLookup, SessionEvent } from '@glutewake/core';
import type { ProgramVersionRow } from '../db/database.js';
import { isUniqueViolation } from '../db/failures.js';
import type { DatabaseHandle } from '../db/open.js';
import { inClinic, type Tx } from '../db/tenancy.js';
import { programAwareLookup, programVersionsNamed } from '../sync/program-lookup.js';
import type { ProgramStore, StoredProgramVersion } from './clinical-types.js';

function fromRow(row: ProgramVersionRow): StoredProgramVersion {
  let program: unknown;
  try {
    program = JSON.parse(row.protocol);
  } catch {
    program = null;
  }
  return {
    clientId: row.client_id,
    version: Number(row.version),
    program,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
  };
}

async function latestVersion(trx: Tx, clinicId: string, clientId: string): Promise<number> {
  const latest = await trx
    .selectFrom('program_versions')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('clinic_id', '=', clinicId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(latest?.version ?? 0);
}

export function programStore(db: DatabaseHandle): ProgramStore {
  const newestFirst = (clinicId: string, clientId: string, limit: number) =>
    inClinic(db, clinicId, (trx) =>
      trx
        .selectFrom('program_versions')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('client_id', '=', clientId)
        .orderBy('version', 'desc')
        .limit(limit)
        .execute(),
    );
  return {
    async current(clinicId, clientId) {
      const [row] = await newestFirst(clinicId, clientId, 1);
      return row === undefined ? null : fromRow(row);
    },
    async versions(clinicId, clientId, limit) {
      return (await newestFirst(clinicId, clientId, limit)).map(fromRow);
    },
    async versionsNumbered(clinicId, clientId, versions) {
      if (versions.length === 0) return [];
      const rows = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('program_versions')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('client_id', '=', clientId)
          .where('version', 'in', [...versions])
          .orderBy('version')
          .execute(),
      );
      return rows.map(fromRow);
    },
    async create(clinicId, program, expectedVersion) {
      try {
        return await inClinic(db, clinicId, async (trx) => {
          const latest = await latestVersion(trx, clinicId, program.clientId);
          if (latest !== expectedVersion) {
            return { kind: 'changed', currentVersion: latest } as const;
          }
          const version = latest + 1;
          await trx
            .insertInto('program_versions')
            .values({
              clinic_id: clinicId,
              client_id: program.clientId,
              version,
              protocol: JSON.stringify(program.program),
              created_at: program.createdAt,
              created_by: program.createdBy,
            })
            .execute();
          return { kind: 'created', program: { ...program, version } } as const;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const latest = await inClinic(db, clinicId, (trx) =>
          latestVersion(trx, clinicId, program.clientId),
        );
        return { kind: 'changed', currentVersion: latest };
      }
    },
  };
}

/**
 * The lookup a push folds with: the built-ins, and the client's program
 * versions that these session.started events name, read in the push's own
 * transaction. Versions never change once written, so a fold made with one
 * stays right (sync/folded-sessions.ts may keep it).
 */
export async function pushLookup(
  trx: Tx,
  clinicId: string,
  clientId: string,
  started: Iterable<SessionEvent | undefined>,
): Promise<ProtocolLookup> {
  const versions = programVersionsNamed(clientId, started);
  if (versions.length === 0) return programAwareLookup(clientId, []);
  const rows = await trx
    .selectFrom('program_versions')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('client_id', '=', clientId)
    .where('version', 'in', versions)
    .execute();
  return programAwareLookup(clientId, rows.map(fromRow));
}
