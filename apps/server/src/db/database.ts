// The database's tables as Kysely sees them: one schema for SQLite and
// PostgreSQL. Invariants: times are epoch milliseconds in integer columns,
// never the database's own clock; ids are random UUID text; JSON is stored as
// text (the same bytes on both backends); booleans are 0 or 1. Tables with a
// `clinic_id` are clinic-owned (row-level security on PostgreSQL) unless
// db/tenancy.ts lists them as directory tables.
import type { Generated, Insertable, Selectable } from 'kysely';

/** An auto-increment id: absent on insert, a number when read. */
type AutoId = Generated<number>;

export const ROLES = ['owner', 'therapist', 'client'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['owner', 'therapist'] as const satisfies readonly Role[];

export const ACCOUNT_STATUSES = ['active', 'disabled', 'removed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const INVITATION_KINDS = ['client', 'therapist', 'owner'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

export const SHARE_HISTORY = ['all', 'from-joining'] as const;
export type ShareHistory = (typeof SHARE_HISTORY)[number];

export interface ClinicsTable {
  id: string;
  name: string;
  created_at: number;
}

/** One row at most: present once the first clinic has been created through the app. */
export interface ServerSetupTable {
  id: number;
  clinic_id: string;
  done_at: number;
}

export interface AccountsTable {
  id: string;
  clinic_id: string;
  role: Role;
  email: string;
  display_name: string;
  password_hash: string;
  status: AccountStatus;
  /** A client's therapist (an owner or therapist of the same clinic); null for staff. */
  therapist_id: string | null;
  share_history: ShareHistory;
  share_symptoms: number;
  share_notes: number;
  created_at: number;
  updated_at: number;
}

/** Directory: which account an email signs in to, readable before the clinic is known. */
export interface LoginsTable {
  email: string;
  account_id: string;
  clinic_id: string;
}

/** Directory: signed-in sessions, keyed by the SHA-256 of the cookie's token. */
export interface AuthSessionsTable {
  token_hash: string;
  account_id: string;
  clinic_id: string;
  role: Role;
  created_at: number;
  last_seen_at: number;
  idle_timeout_ms: number;
  expires_at: number;
}

export interface InvitationsTable {
  id: string;
  clinic_id: string;
  kind: InvitationKind;
  /** Null when the server's operator created it (a new clinic's owner). */
  created_by: string | null;
  /** For a client invitation: the therapist the client will belong to. */
  therapist_id: string | null;
  name_hint: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
}

/** Directory: an invitation code's SHA-256, readable before the clinic is known. */
export interface InvitationCodesTable {
  code_hash: string;
  invitation_id: string;
  clinic_id: string;
}

/** Directory: sign-in attempts, counted for rate limits per address and per account. */
export interface SignInAttemptsTable {
  id: AutoId;
  at: number;
  address: string;
  account_id: string | null;
  succeeded: number;
}

export interface AuditLogTable {
  id: AutoId;
  at: number;
  /** Null for events that belong to no clinic (a failed sign-in for an unknown email). */
  clinic_id: string | null;
  actor_id: string | null;
  subject_id: string | null;
  kind: string;
  address: string | null;
  /** JSON object with the event's particulars, or null. */
  detail: string | null;
}

/** A device that syncs: whose it is and the next sequence number it must send. */
export interface SyncDevicesTable {
  clinic_id: string;
  device_id: string;
  client_id: string;
  next_seq: number;
  created_at: number;
  updated_at: number;
}

/** Append-only: every accepted session event, once, as the device numbered it. */
export interface SyncEventsTable {
  clinic_id: string;
  client_id: string;
  device_id: string;
  seq: number;
  session_id: string;
  /** The event's position in its session's log, from 0. */
  event_index: number;
  event_type: string;
  /** The event as checked by core's schema, JSON. */
  event: string;
  /** The device's clock (`at`): recorded, never trusted for ordering. */
  client_at: number;
  received_at: number;
}

/** Events that could not be accepted, with why; each still moved its device's cursor on. */
export interface SyncQuarantineTable {
  clinic_id: string;
  client_id: string;
  device_id: string;
  seq: number;
  session_id: string;
  event_index: number;
  reason: string;
  /** JSON list of plain sentences. */
  problems: string;
  /** The event exactly as it arrived, JSON. */
  payload: string;
  client_at: number | null;
  received_at: number;
}

/** One row per session: its summary, refolded from its events whenever some arrive. */
export interface SessionSummariesTable {
  clinic_id: string;
  session_id: string;
  client_id: string;
  protocol_id: string | null;
  protocol_version: number | null;
  program_id: string | null;
  program_version: number | null;
  started_at: number | null;
  ended_at: number | null;
  outcome: string;
  left_fired_at_rep: number | null;
  right_fired_at_rep: number | null;
  last_balance: string | null;
  work_reps: number;
  /** JSON object of symptom scores, or null. */
  symptoms: string | null;
  note: string | null;
  event_count: number;
  /** The whole SessionSummary, JSON. */
  summary: string;
  updated_at: number;
}

/** Per-client aggregates, kept up to date in the transaction that adds events. */
export interface ClientStatisticsTable {
  clinic_id: string;
  client_id: string;
  sessions_count: number;
  ended_sessions_count: number;
  last_session_at: number | null;
  events_count: number;
  quarantined_count: number;
  last_synced_at: number | null;
  updated_at: number;
}

/** What a therapist assigned to a client, versioned 1, 2, ... per client. */
export interface ProgramVersionsTable {
  clinic_id: string;
  client_id: string;
  version: number;
  /** The program document (core's program schema), JSON; rows before 0003 may hold anything. */
  protocol: string;
  created_at: number;
  created_by: string;
}

/** A clinic's own protocols: built-ins copied and edited; `revision` counts edits from 1. */
export interface ProtocolLibraryTable {
  clinic_id: string;
  entry_id: string;
  /** The id of the built-in protocol the entry was copied from. */
  based_on: string;
  revision: number;
  /** The protocol document, JSON, valid for core's protocol schema. */
  protocol: string;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

/** A therapist's private notes on a client: never shown to the client. */
export interface TherapistNotesTable {
  clinic_id: string;
  note_id: string;
  client_id: string;
  author_id: string;
  text: string;
  created_at: number;
}

export interface Database {
  clinics: ClinicsTable;
  server_setup: ServerSetupTable;
  accounts: AccountsTable;
  logins: LoginsTable;
  auth_sessions: AuthSessionsTable;
  invitations: InvitationsTable;
  invitation_codes: InvitationCodesTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_log: AuditLogTable;
  sync_devices: SyncDevicesTable;
  sync_events: SyncEventsTable;
  sync_quarantine: SyncQuarantineTable;
  session_summaries: SessionSummariesTable;
  client_statistics: ClientStatisticsTable;
  program_versions: ProgramVersionsTable;
  protocol_library: ProtocolLibraryTable;
  therapist_notes: TherapistNotesTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type AuthSessionRow = Selectable<AuthSessionsTable>;
export type SyncQuarantineRow = Selectable<SyncQuarantineTable>;
export type SessionSummaryRow = Selectable<SessionSummariesTable>;
export type ClientStatisticsRow = Selectable<ClientStatisticsTable>;
export type ProgramVersionRow = Selectable<ProgramVersionsTable>;
