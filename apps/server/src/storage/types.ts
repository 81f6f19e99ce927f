// The storage interface: everything the server keeps, in the domain's words,
// whatever the database. One contract test suite (test/storage-contract)
// runs against every implementation and backend. Invariants: methods that
// touch clinic-owned data take the clinic's id and never return another
// clinic's rows; each method is one transaction (all or nothing); times are
// epoch milliseconds passed in by the caller, never read from a clock here.
import type { AccountStatus, InvitationKind, Role, ShareHistory } from '../db/database.js';
import type { DialectName } from '../db/open.js';
import type { MigrationStatus } from '../db/migrate.js';
import type { SyncStore } from './sync-types.js';
import type { NoteStore, ProgramStore, ProtocolLibraryStore } from './clinical-types.js';

export type * from './sync-types.js';
export type * from './clinical-types.js';
export { QUARANTINE_REASONS } from './sync-types.js';

export interface Clinic {
  id: string;
  name: string;
  createdAt: number;
}

/** What a client lets their therapist see. */
export interface Sharing {
  history: ShareHistory;
  symptoms: boolean;
  notes: boolean;
}

export const SHARE_EVERYTHING: Sharing = { history: 'all', symptoms: true, notes: true };

export interface Account {
  id: string;
  clinicId: string;
  role: Role;
  email: string;
  displayName: string;
  status: AccountStatus;
  therapistId: string | null;
  sharing: Sharing;
  createdAt: number;
}

export interface NewAccount {
  id: string;
  clinicId: string;
  role: Role;
  email: string;
  displayName: string;
  passwordHash: string;
  therapistId: string | null;
  sharing: Sharing;
  createdAt: number;
}

export interface Login {
  accountId: string;
  clinicId: string;
}

export interface AuthSession {
  tokenHash: string;
  accountId: string;
  clinicId: string;
  role: Role;
  createdAt: number;
  lastSeenAt: number;
  idleTimeoutMs: number;
  expiresAt: number;
}

export interface Invitation {
  id: string;
  clinicId: string;
  kind: InvitationKind;
  createdBy: string | null;
  therapistId: string | null;
  nameHint: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedBy: string | null;
  revokedAt: number | null;
}

export interface NewAuditEntry {
  at: number;
  clinicId: string | null;
  actorId: string | null;
  subjectId: string | null;
  kind: string;
  address: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditEntry extends NewAuditEntry {
  id: number;
}

export interface SignInAttempt {
  at: number;
  address: string;
  /**
   * What the per-account limit counts it against: the account's id, or a
   * stand-in for an email that has no account; null for invitation codes.
   */
  accountId: string | null;
}

/** How many failed attempts each key may have had since `since` for another to be checked. */
export interface AttemptLimits {
  since: number;
  perAddress: number;
  perAccount: number;
}

export type AttemptReservation =
  | { kind: 'reserved'; id: number }
  /** Over a limit: `oldestAt` is when the oldest failure counted against it was made. */
  | { kind: 'limited'; oldestAt: number };

export interface StorageHealth {
  dialect: DialectName;
  migrations: MigrationStatus;
}

/** Thrown when a unique value (an email, a setup) is already taken. */
export class AlreadyExistsError extends Error {
  constructor(what: string) {
    super(`${what} already exists`);
    this.name = 'AlreadyExistsError';
  }
}

export interface SetupStore {
  isDone(): Promise<boolean>;
  /** Creates the first clinic and its owner; AlreadyExistsError once done. */
  createFirstClinic(clinic: Clinic, owner: NewAccount): Promise<void>;
}

export interface ClinicStore {
  /** A further clinic, made by the server's operator (its owner comes by invitation). */
  create(clinic: Clinic): Promise<void>;
  get(clinicId: string): Promise<Clinic | null>;
}

export interface AccountStore {
  findLogin(email: string): Promise<Login | null>;
  get(clinicId: string, accountId: string): Promise<Account | null>;
  passwordHashOf(clinicId: string, accountId: string): Promise<string | null>;
  listStaff(clinicId: string): Promise<Account[]>;
  /** A clinic's clients, or only one therapist's when `therapistId` is given. */
  listClients(clinicId: string, therapistId: string | null): Promise<Account[]>;
  updateSharing(clinicId: string, accountId: string, sharing: Sharing, at: number): Promise<void>;
  /** Disables an account and ends every session of it, in one transaction. */
  disable(clinicId: string, accountId: string, at: number): Promise<void>;
  /**
   * Removes a therapist from the clinic: their clients move to `successorId`,
   * their pending invitations are revoked and every session of theirs ends.
   */
  removeTherapist(
    clinicId: string,
    therapistId: string,
    successorId: string,
    at: number,
  ): Promise<void>;
}

export interface AuthSessionStore {
  /** Stores a session for an active account; false (nothing stored) when it is not active. */
  create(session: AuthSession): Promise<boolean>;
  find(tokenHash: string): Promise<AuthSession | null>;
  touch(tokenHash: string, at: number): Promise<void>;
  end(tokenHash: string): Promise<void>;
  endAllOf(accountId: string): Promise<number>;
}

export interface InvitationStore {
  create(invitation: Invitation, codeHash: string): Promise<void>;
  findByCode(codeHash: string): Promise<Invitation | null>;
  get(clinicId: string, invitationId: string): Promise<Invitation | null>;
  /** Pending and past invitations of a clinic, or those one account created. */
  list(clinicId: string, createdBy: string | null): Promise<Invitation[]>;
  revoke(clinicId: string, invitationId: string, at: number): Promise<void>;
  /**
   * Uses an invitation to create an account, once: false (and nothing written)
   * when it was used, revoked or expired meanwhile. AlreadyExistsError when
   * the email is taken.
   */
  accept(invitationId: string, account: NewAccount): Promise<boolean>;
}

export interface AuditStore {
  append(entries: readonly NewAuditEntry[]): Promise<void>;
  /** A clinic's entries, newest first, before an id when paging. */
  list(clinicId: string, options: { beforeId?: number; limit: number }): Promise<AuditEntry[]>;
  /**
   * Counts an attempt (a sign-in, an invitation code) before it is checked:
   * under every limit it is stored as failed at once and its id returned, so
   * attempts made at the same moment cannot all slip under a limit; over one,
   * nothing is stored. Attempts of one address or account take turns.
   */
  reserveSignInAttempt(attempt: SignInAttempt, limits: AttemptLimits): Promise<AttemptReservation>;
  /** The reserved attempt turned out right: it no longer counts as a failure. */
  markSignInAttemptSucceeded(id: number): Promise<void>;
}

export interface Storage {
  readonly dialect: DialectName;
  setup: SetupStore;
  clinics: ClinicStore;
  accounts: AccountStore;
  authSessions: AuthSessionStore;
  invitations: InvitationStore;
  audit: AuditStore;
  sync: SyncStore;
  programs: ProgramStore;
  library: ProtocolLibraryStore;
  notes: NoteStore;
  /** Throws when the database cannot be reached. */
  health(): Promise<StorageHealth>;
  close(): Promise<void>;
}
