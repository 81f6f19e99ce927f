// The storage interface for what therapists keep about their work: program
// versions read and written with an expected version (so two therapists
// editing at once cannot lose each other's change), the clinic's protocol
// library, and private notes on clients. Invariants: every method is scoped
// to one clinic (and one client where it names one); a program version or a
// library revision is created only when the caller's expected one is still
// the latest, in one transaction; documents are stored as the routes checked
// them and read back as unknown JSON (the reader checks again when it must).
export interface StoredProgramVersion {
  clientId: string;
  version: number;
  /** The program document (core's program schema), as stored. */
  program: unknown;
  createdAt: number;
  createdBy: string;
}

export type ProgramWrite =
  | { kind: 'created'; program: StoredProgramVersion }
  /** Someone else made a version meanwhile: the latest is `currentVersion`. */
  | { kind: 'changed'; currentVersion: number };

export interface ProgramStore {
  /** The latest version of a client's program, or null when none was assigned. */
  current(clinicId: string, clientId: string): Promise<StoredProgramVersion | null>;
  /** A client's versions, newest first, at most `limit`. */
  versions(clinicId: string, clientId: string, limit: number): Promise<StoredProgramVersion[]>;
  /** These versions of a client's program (those that exist), by version. */
  versionsNumbered(
    clinicId: string,
    clientId: string,
    versions: readonly number[],
  ): Promise<StoredProgramVersion[]>;
  /** Writes version `expectedVersion + 1` when `expectedVersion` (0: none) is still the latest. */
  create(
    clinicId: string,
    program: Omit<StoredProgramVersion, 'version'>,
    expectedVersion: number,
  ): Promise<ProgramWrite>;
}

export interface LibraryEntry {
  entryId: string;
  /** The built-in protocol it was copied from. */
  basedOn: string;
  revision: number;
  protocol: unknown;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
}

export type LibraryWrite =
  | { kind: 'updated'; entry: LibraryEntry }
  | { kind: 'changed'; currentRevision: number }
  | { kind: 'missing' };

export interface ProtocolLibraryStore {
  /** The clinic's entries, oldest first. */
  list(clinicId: string): Promise<LibraryEntry[]>;
  get(clinicId: string, entryId: string): Promise<LibraryEntry | null>;
  add(clinicId: string, entry: LibraryEntry): Promise<void>;
  /** Replaces the protocol when `expectedRevision` is still the entry's; the revision grows by 1. */
  update(
    clinicId: string,
    entryId: string,
    change: { protocol: unknown; expectedRevision: number; at: number; by: string },
  ): Promise<LibraryWrite>;
  /** Takes the entry out of the library; false when it was not there. Programs keep their copies. */
  remove(clinicId: string, entryId: string): Promise<boolean>;
}

export interface TherapistNote {
  noteId: string;
  clientId: string;
  authorId: string;
  text: string;
  createdAt: number;
}

export interface NoteStore {
  /** A client's notes, newest first. */
  list(clinicId: string, clientId: string): Promise<TherapistNote[]>;
  get(clinicId: string, clientId: string, noteId: string): Promise<TherapistNote | null>;
  add(clinicId: string, note: TherapistNote): Promise<void>;
  /** False when the client has no such note. */
  remove(clinicId: string, clientId: string, noteId: string): Promise<boolean>;
}
