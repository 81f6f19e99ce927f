// The program versions this device has run or may run, kept by their ref
// ("id@version") in the prefs store under one key. They live with the prefs
// on purpose: an export carries every pref, so a file always holds the
// protocols its sessions of a program need, and they fold again after an
// import on any device. Invariants: only documents the program schema
// accepted are written (sync checks them when it pulls them; an import
// checks them too); entries are added, never changed or removed, except by
// "Delete all data"; the current program is the newest version of the
// account this device syncs for. No schema library here: Home reads this.
import {
  findBuiltinProtocol,
  lookupWithPrograms,
  programKey,
  type ProgramDocument,
  type ProtocolLookup,
  type ProtocolRef,
} from '@glutewake/core';
import type { GlutewakeDb } from './db.js';

export const PROGRAMS_KEY = 'programs';

export interface KeptProgram {
  ref: ProtocolRef;
  program: ProgramDocument;
  createdAt: number;
}

export type ProgramArchive = Record<string, KeptProgram>;

export async function loadProgramArchive(db: GlutewakeDb): Promise<ProgramArchive> {
  const stored = await db.get('prefs', PROGRAMS_KEY);
  return isArchive(stored) ? stored : {};
}

/** Adds these (already checked) programs to the archive; returns the archive as stored. */
export async function keepPrograms(
  db: GlutewakeDb,
  programs: readonly KeptProgram[],
): Promise<ProgramArchive> {
  const tx = db.transaction('prefs', 'readwrite', { durability: 'strict' });
  const stored: unknown = await tx.store.get(PROGRAMS_KEY);
  const archive: ProgramArchive = { ...(isArchive(stored) ? stored : {}) };
  for (const kept of programs) archive[programKey(kept.ref)] ??= kept;
  await tx.store.put(archive, PROGRAMS_KEY);
  await tx.done;
  return archive;
}

/** The newest program version assigned to this account, or null. */
export function currentProgram(
  archive: ProgramArchive,
  accountId: string | null,
): KeptProgram | null {
  if (accountId === null) return null;
  let newest: KeptProgram | null = null;
  for (const kept of Object.values(archive)) {
    if (kept.ref.id === accountId && kept.ref.version > (newest?.ref.version ?? 0)) newest = kept;
  }
  return newest;
}

/** Built-ins, plus the program versions of the archive for sessions that name one. */
export function archiveLookup(archive: () => ProgramArchive): ProtocolLookup {
  return lookupWithPrograms(
    (id, version) => findBuiltinProtocol(id, version),
    (ref) => archive()[programKey(ref)]?.program.protocol ?? null,
  );
}

function isArchive(value: unknown): value is ProgramArchive {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
