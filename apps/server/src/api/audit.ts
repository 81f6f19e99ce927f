// Writing the audit trail from a request: who (the actor), from where (the
// request's address), to whom (the subject) and what. Invariants: every
// denial and every read of a client's data by staff leaves an entry; entries
// are written before the response is sent, so a reader cannot get data the
// log does not show.
import type { FastifyRequest } from 'fastify';
import type { NewAuditEntry } from '../storage/types.js';
import type { Actor } from './route.js';
import type { Services } from './services.js';

export const AUDIT_KINDS = {
  signInSucceeded: 'sign-in.succeeded',
  signInFailed: 'sign-in.failed',
  signInLimited: 'sign-in.rate-limited',
  signedOut: 'signed-out',
  accessDenied: 'access.denied',
  clientDataRead: 'client-data.read',
  setupDone: 'setup.done',
  invitationCreated: 'invitation.created',
  invitationAccepted: 'invitation.accepted',
  invitationRevoked: 'invitation.revoked',
  accountDisabled: 'account.disabled',
  therapistRemoved: 'therapist.removed',
  sharingChanged: 'sharing.changed',
  programAssigned: 'program.assigned',
  protocolLibraryChanged: 'protocol-library.changed',
  noteAdded: 'note.added',
  noteDeleted: 'note.deleted',
} as const;

export type AuditKind = (typeof AUDIT_KINDS)[keyof typeof AUDIT_KINDS];

export interface RequestAudit {
  record(
    kind: AuditKind,
    subjectId: string | null,
    detail?: Record<string, unknown>,
    clinicId?: string | null,
  ): Promise<void>;
  /** Several entries of the actor's clinic at once (one write): one per subject, same kind and detail. */
  recordEach(
    kind: AuditKind,
    subjectIds: readonly (string | null)[],
    detail: Record<string, unknown>,
  ): Promise<void>;
  /** A refused request: why (role, not-found, ...) and what it asked for. */
  denied(reason: string, detail: Record<string, unknown>, subjectId?: string | null): Promise<void>;
}

export function auditFor(
  services: Services,
  request: FastifyRequest,
  actor: Actor | null,
): RequestAudit {
  const entry = (
    kind: AuditKind,
    subjectId: string | null,
    detail: Record<string, unknown> | null,
    clinicId: string | null,
  ): NewAuditEntry => ({
    at: services.now(),
    clinicId,
    actorId: actor?.accountId ?? null,
    subjectId,
    kind,
    address: request.ip,
    detail,
  });
  return {
    async record(kind, subjectId, detail, clinicId) {
      const clinic = clinicId === undefined ? (actor?.clinicId ?? null) : clinicId;
      await services.storage.audit.append([entry(kind, subjectId, detail ?? null, clinic)]);
    },
    async recordEach(kind, subjectIds, detail) {
      const clinic = actor?.clinicId ?? null;
      await services.storage.audit.append(
        subjectIds.map((subjectId) => entry(kind, subjectId, detail, clinic)),
      );
    },
    async denied(reason, detail, subjectId = null) {
      await services.storage.audit.append([
        entry(
          AUDIT_KINDS.accessDenied,
          subjectId,
          { reason, method: request.method, url: request.url, ...detail },
          actor?.clinicId ?? null,
        ),
      ]);
    },
  };
}

/** Records a staff read of client data: `view` names what was read, `detail` adds figures. */
export function auditClientRead(
  context: { services: Services; request: FastifyRequest; actor: Actor | null },
  clientId: string | null,
  view: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  return auditFor(context.services, context.request, context.actor).record(
    AUDIT_KINDS.clientDataRead,
    clientId,
    { view, ...detail },
  );
}
