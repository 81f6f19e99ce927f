// Invitations: staff invite people by a single-use link with a code (also as
// a QR code); whoever holds it looks at it, then accepts it from the app by
// choosing an email and password (and, for a client, what to share).
// Invariants: the code is shown once, at creation, and stored only as a
// hash; a therapist invites clients only, for themselves; only the owner
// invites therapists; a failed code counts toward the address's rate limit;
// accepting creates the account and signs it in.
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords.js';
import { startSession } from '../auth/sessions.js';
import { attemptSucceeded, reserveAttempt } from '../auth/sign-in-limits.js';
import { invitationCodeHash, newInvitationCode } from '../auth/tokens.js';
import { ApiError } from '../errors.js';
import { ownOrigin } from '../http/origin-check.js';
import { AlreadyExistsError, SHARE_EVERYTHING, type Invitation } from '../storage/types.js';
import { invitationFor } from './access.js';
import { checkPasswordStrength, cleanName, meFor, normalizeEmail } from './account-routes.js';
import { AUDIT_KINDS, auditFor } from './audit.js';
import { email, password, personName, plainText, uuid } from './fields.js';
import { defineRoute, PUBLIC, rolesOnly, type RouteContext } from './route.js';
import type { Services } from './services.js';
import {
  invitationStatus,
  invitationView,
  invitationViewOf,
  meView,
  sharingSchema,
} from './views.js';

const code = plainText(40);

export const createInvitationRoute = defineRoute({
  id: 'createInvitation',
  method: 'POST',
  url: '/api/invitations',
  summary: 'Invite a client (or, for the owner, a therapist): a single-use link, code and QR code',
  tag: 'invitations',
  access: rolesOnly('owner', 'therapist'),
  target: 'none',
  body: z.strictObject({
    kind: z.enum(['client', 'therapist']),
    nameHint: personName.optional(),
    /** The owner may invite a client for one of the clinic's therapists. */
    therapistId: uuid.optional(),
  }),
  success: {
    status: 201,
    schema: z.object({
      invitation: invitationView,
      code: z.string(),
      link: z.string(),
      qrSvg: z.string(),
    }),
    description: 'The invitation; the code is shown this once',
  },
  errors: ['not_found'],
  async handle(context) {
    const { actor, body, services, request } = context;
    if (body.kind === 'therapist' && actor.role !== 'owner') throw new ApiError('not_allowed');
    if (body.therapistId !== undefined && (actor.role !== 'owner' || body.kind !== 'client')) {
      throw new ApiError('not_allowed');
    }
    let therapistId: string | null = null;
    if (body.kind === 'client') {
      therapistId = body.therapistId ?? actor.accountId;
      const therapist = await services.storage.accounts.get(actor.clinicId, therapistId);
      if (therapist === null || therapist.role === 'client' || therapist.status !== 'active') {
        await auditFor(services, request, actor).denied(
          'not-found',
          { what: 'therapist' },
          therapistId,
        );
        throw new ApiError('not_found');
      }
    }
    const now = services.now();
    const invitation: Invitation = {
      id: randomUUID(),
      clinicId: actor.clinicId,
      kind: body.kind,
      createdBy: actor.accountId,
      therapistId,
      nameHint: body.nameHint === undefined ? null : cleanName(body.nameHint),
      createdAt: now,
      expiresAt: now + services.settings.invitationLifetimeMs,
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    };
    const invitationCode = newInvitationCode();
    await services.storage.invitations.create(invitation, invitationCodeHash(invitationCode));
    await auditFor(services, request, actor).record(AUDIT_KINDS.invitationCreated, invitation.id, {
      kind: invitation.kind,
    });
    const link = `${ownOrigin(request)}/join#code=${invitationCode}`;
    const qrSvg = await QRCode.toString(link, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    return { invitation: invitationViewOf(invitation, now), code: invitationCode, link, qrSvg };
  },
});

export const listInvitationsRoute = defineRoute({
  id: 'listInvitations',
  method: 'GET',
  url: '/api/invitations',
  summary: 'Invitations: all of the clinic’s for the owner, a therapist’s own otherwise',
  tag: 'invitations',
  access: rolesOnly('owner', 'therapist'),
  target: 'none',
  success: {
    status: 200,
    schema: z.object({ invitations: z.array(invitationView) }),
    description: 'Newest first',
  },
  errors: [],
  async handle({ actor, services }) {
    const createdBy = actor.role === 'owner' ? null : actor.accountId;
    const invitations = await services.storage.invitations.list(actor.clinicId, createdBy);
    const now = services.now();
    return { invitations: invitations.map((invitation) => invitationViewOf(invitation, now)) };
  },
});

export const revokeInvitationRoute = defineRoute({
  id: 'revokeInvitation',
  method: 'DELETE',
  url: '/api/invitations/:invitationId',
  summary: 'Revoke a pending invitation',
  tag: 'invitations',
  access: rolesOnly('owner', 'therapist'),
  target: 'invitation',
  params: z.strictObject({ invitationId: uuid }),
  success: { status: 204, description: 'Revoked (or already used, revoked or expired)' },
  errors: ['not_found'],
  async handle(context) {
    const { actor, params, services, request } = context;
    const invitation = await invitationFor(context, params.invitationId);
    await services.storage.invitations.revoke(actor.clinicId, invitation.id, services.now());
    await auditFor(services, request, actor).record(AUDIT_KINDS.invitationRevoked, invitation.id);
  },
});

/**
 * The pending invitation a code opens, with the attempt counted against the
 * address: the caller marks it succeeded once what it came for is done, so
 * a wrong code, or an accept refused for its email, stays a failed attempt.
 */
async function pendingInvitation(
  context: RouteContext<unknown, unknown, unknown>,
  typedCode: string,
): Promise<{ invitation: Invitation; attemptId: number }> {
  const { services, request } = context;
  const attemptId = await reserveAttempt(services, request.ip, null);
  const invitation = await services.storage.invitations.findByCode(invitationCodeHash(typedCode));
  if (invitation === null || invitationStatus(invitation, services.now()) !== 'pending') {
    throw new ApiError('invitation_unusable');
  }
  return { invitation, attemptId };
}

async function inviterName(services: Services, invitation: Invitation): Promise<string | null> {
  const inviterId = invitation.therapistId ?? invitation.createdBy;
  if (inviterId === null) return null;
  return (await services.storage.accounts.get(invitation.clinicId, inviterId))?.displayName ?? null;
}

export const inspectInvitationRoute = defineRoute({
  id: 'inspectInvitation',
  method: 'POST',
  url: '/api/invitations/inspect',
  summary: 'What an invitation code opens, before accepting it',
  tag: 'invitations',
  access: PUBLIC,
  target: 'none',
  body: z.strictObject({ code }),
  success: {
    status: 200,
    schema: z.object({
      kind: z.enum(['client', 'therapist', 'owner']),
      clinicName: z.string(),
      invitedBy: z.string().nullable(),
      nameHint: z.string().nullable(),
      expiresAt: z.number().int(),
    }),
    description: 'A pending invitation',
  },
  errors: ['invitation_unusable', 'too_many_attempts'],
  async handle(context) {
    const { body, services } = context;
    const { invitation, attemptId } = await pendingInvitation(context, body.code);
    await attemptSucceeded(services, attemptId);
    const clinic = await services.storage.clinics.get(invitation.clinicId);
    return {
      kind: invitation.kind,
      clinicName: clinic?.name ?? '',
      invitedBy: await inviterName(services, invitation),
      nameHint: invitation.nameHint,
      expiresAt: invitation.expiresAt,
    };
  },
});

export const acceptInvitationRoute = defineRoute({
  id: 'acceptInvitation',
  method: 'POST',
  url: '/api/invitations/accept',
  summary: 'Accept an invitation: create the account and sign in',
  tag: 'invitations',
  access: PUBLIC,
  target: 'none',
  body: z.strictObject({
    code,
    email,
    password,
    displayName: personName,
    /** A client's choice of what to share; everything when left out. */
    sharing: sharingSchema.optional(),
  }),
  success: { status: 201, schema: meView, description: 'The new account, signed in' },
  errors: ['invitation_unusable', 'email_taken', 'weak_password', 'too_many_attempts'],
  async handle(context) {
    const { body, services, request, reply } = context;
    // Until the account exists the attempt counts as failed: probing which
    // emails are taken with a valid code uses up the address's allowance.
    const { invitation, attemptId } = await pendingInvitation(context, body.code);
    if (invitation.kind !== 'client' && body.sharing !== undefined) {
      throw new ApiError('bad_request', { problems: ['sharing is chosen by clients only'] });
    }
    checkPasswordStrength(services, body.password);
    const account = {
      id: randomUUID(),
      clinicId: invitation.clinicId,
      role: invitation.kind,
      email: normalizeEmail(body.email),
      displayName: cleanName(body.displayName),
      passwordHash: await hashPassword(body.password),
      therapistId: invitation.kind === 'client' ? invitation.therapistId : null,
      sharing: body.sharing ?? SHARE_EVERYTHING,
      createdAt: services.now(),
    };
    try {
      if (!(await services.storage.invitations.accept(invitation.id, account))) {
        throw new ApiError('invitation_unusable');
      }
    } catch (error) {
      if (error instanceof AlreadyExistsError) throw new ApiError('email_taken');
      throw error;
    }
    await attemptSucceeded(services, attemptId);
    const actor = await startSession(services, request, reply, account);
    await auditFor(services, request, actor).record(AUDIT_KINDS.invitationAccepted, invitation.id, {
      kind: invitation.kind,
    });
    return meFor(services, actor);
  },
});
