// What the API shows of accounts, invitations and audit entries: response
// schemas and the functions that build them. Invariants: a view never holds
// a password hash, a token or a code hash; a client's sharing choices are
// shown to the client and to their clinic's staff, nobody else.
import { z } from 'zod';
import { INVITATION_KINDS, ROLES, SHARE_HISTORY } from '../db/database.js';
import type { Account, AuditEntry, Clinic, Invitation } from '../storage/types.js';

export const sharingSchema = z.strictObject({
  history: z.enum(SHARE_HISTORY),
  symptoms: z.boolean(),
  notes: z.boolean(),
});

export const meView = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  email: z.string(),
  clinic: z.object({ id: z.string(), name: z.string() }),
  /** A client's sharing choices; null for staff. */
  sharing: sharingSchema.nullable(),
  session: z.object({ idleTimeoutSeconds: z.number().int(), expiresAt: z.number().int() }),
});

export function meOf(
  account: Account,
  clinic: Clinic,
  session: { idleTimeoutMs: number; expiresAt: number },
): z.input<typeof meView> {
  return {
    id: account.id,
    role: account.role,
    displayName: account.displayName,
    email: account.email,
    clinic: { id: clinic.id, name: clinic.name },
    sharing: account.role === 'client' ? account.sharing : null,
    session: {
      idleTimeoutSeconds: Math.floor(session.idleTimeoutMs / 1000),
      expiresAt: session.expiresAt,
    },
  };
}

export const accountView = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  email: z.string(),
  status: z.enum(['active', 'disabled', 'removed']),
  therapistId: z.string().nullable(),
  joinedAt: z.number().int(),
  sharing: sharingSchema.nullable(),
});

export function accountViewOf(account: Account): z.input<typeof accountView> {
  return {
    id: account.id,
    role: account.role,
    displayName: account.displayName,
    email: account.email,
    status: account.status,
    therapistId: account.therapistId,
    joinedAt: account.createdAt,
    sharing: account.role === 'client' ? account.sharing : null,
  };
}

export const invitationView = z.object({
  id: z.string(),
  kind: z.enum(INVITATION_KINDS),
  nameHint: z.string().nullable(),
  therapistId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  status: z.enum(['pending', 'used', 'revoked', 'expired']),
  usedBy: z.string().nullable(),
});

export function invitationStatus(invitation: Invitation, now: number) {
  if (invitation.usedAt !== null) return 'used' as const;
  if (invitation.revokedAt !== null) return 'revoked' as const;
  if (invitation.expiresAt <= now) return 'expired' as const;
  return 'pending' as const;
}

export function invitationViewOf(
  invitation: Invitation,
  now: number,
): z.input<typeof invitationView> {
  return {
    id: invitation.id,
    kind: invitation.kind,
    nameHint: invitation.nameHint,
    therapistId: invitation.therapistId,
    createdBy: invitation.createdBy,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    status: invitationStatus(invitation, now),
    usedBy: invitation.usedBy,
  };
}

export const auditEntryView = z.object({
  id: z.number().int(),
  at: z.number().int(),
  kind: z.string(),
  actorId: z.string().nullable(),
  subjectId: z.string().nullable(),
  address: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export function auditEntryViewOf(entry: AuditEntry): z.input<typeof auditEntryView> {
  return {
    id: entry.id,
    at: entry.at,
    kind: entry.kind,
    actorId: entry.actorId,
    subjectId: entry.subjectId,
    address: entry.address,
    detail: entry.detail,
  };
}
