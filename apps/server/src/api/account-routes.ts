// Routes about one's own account: setting up a fresh server (its first
// clinic and owner), signing in and out, who am I, and a client's sharing
// choices. Invariants: sign-in failures look the same whether the email
// exists or not (an email with no account is limited as if it had one), are
// rate limited per address and per account and audited;
// signing out ends every session of the account, on every device.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords.js';
import { clearSessionCookie } from '../auth/session-cookie.js';
import { startSession } from '../auth/sessions.js';
import { attemptSucceeded, reserveAttempt } from '../auth/sign-in-limits.js';
import { ApiError } from '../errors.js';
import { AlreadyExistsError, SHARE_EVERYTHING, type Account } from '../storage/types.js';
import { AUDIT_KINDS, auditFor } from './audit.js';
import { clinicName, email, password, personName } from './fields.js';
import { defineRoute, PUBLIC, rolesOnly, type Actor } from './route.js';
import type { Services } from './services.js';
import { meOf, meView, sharingSchema } from './views.js';

/**
 * What an unknown email is looked up as: made-up ids no clinic or account is
 * given (ours are random), and a row that had them would still never sign in.
 */
export const DECOY_LOGIN = {
  clinicId: '00000000-0000-4000-8000-000000000000',
  accountId: '00000000-0000-4000-8000-000000000001',
} as const;

export function normalizeEmail(typed: string): string {
  return typed.trim().toLowerCase();
}

export function cleanName(typed: string): string {
  const name = typed.trim();
  if (name === '') throw new ApiError('bad_request', { problems: ['a name must not be blank'] });
  return name;
}

export function checkPasswordStrength(services: Services, typed: string): void {
  if ([...typed].length < services.settings.minPasswordLength) throw new ApiError('weak_password');
}

/** The signed-in view of an account, for the session just used or started. */
export async function meFor(services: Services, actor: Actor, account?: Account) {
  const { storage } = services;
  const [me, clinic, session] = await Promise.all([
    account ?? storage.accounts.get(actor.clinicId, actor.accountId),
    storage.clinics.get(actor.clinicId),
    storage.authSessions.find(actor.tokenHash),
  ]);
  if (me === null || clinic === null || session === null) throw new ApiError('session_expired');
  return meOf(me, clinic, session);
}

export const setupStatusRoute = defineRoute({
  id: 'getSetup',
  method: 'GET',
  url: '/api/setup',
  summary: 'Whether this server still needs its first clinic and owner',
  tag: 'accounts',
  access: PUBLIC,
  target: 'none',
  success: {
    status: 200,
    schema: z.object({ needed: z.boolean() }),
    description: 'needed is true on a fresh server',
  },
  errors: [],
  async handle({ services }) {
    return { needed: !(await services.storage.setup.isDone()) };
  },
});

export const setupRoute = defineRoute({
  id: 'setUpServer',
  method: 'POST',
  url: '/api/setup',
  summary: 'Create the first clinic and its owner account, and sign the owner in',
  tag: 'accounts',
  access: PUBLIC,
  target: 'none',
  body: z.strictObject({ clinicName, displayName: personName, email, password }),
  success: { status: 201, schema: meView, description: 'The new owner, signed in' },
  errors: ['setup_done', 'weak_password'],
  async handle({ body, services, request, reply }) {
    if (await services.storage.setup.isDone()) throw new ApiError('setup_done');
    checkPasswordStrength(services, body.password);
    const now = services.now();
    const clinic = { id: randomUUID(), name: cleanName(body.clinicName), createdAt: now };
    const owner = {
      id: randomUUID(),
      clinicId: clinic.id,
      role: 'owner' as const,
      email: normalizeEmail(body.email),
      displayName: cleanName(body.displayName),
      passwordHash: await hashPassword(body.password),
      therapistId: null,
      sharing: SHARE_EVERYTHING,
      createdAt: now,
    };
    try {
      await services.storage.setup.createFirstClinic(clinic, owner);
    } catch (error) {
      if (error instanceof AlreadyExistsError) throw new ApiError('setup_done');
      throw error;
    }
    const actor = await startSession(services, request, reply, owner);
    await auditFor(services, request, actor).record(AUDIT_KINDS.setupDone, owner.id);
    return meFor(services, actor);
  },
});

/**
 * What the per-account limit counts a sign-in against: the account, or, for
 * an email with no account, the email itself (hashed), so that both lock
 * after the same number of failures and the limit never tells which emails
 * have an account.
 */
function attemptKeyOf(login: { accountId: string } | null, email: string): string {
  if (login !== null) return login.accountId;
  return `email:${createHash('sha256').update(normalizeEmail(email)).digest('hex')}`;
}

export const signInRoute = defineRoute({
  id: 'signIn',
  method: 'POST',
  url: '/api/auth/sign-in',
  summary: 'Sign in with email and password; sets the session cookie',
  tag: 'accounts',
  access: PUBLIC,
  target: 'none',
  body: z.strictObject({ email, password }),
  success: { status: 200, schema: meView, description: 'Signed in' },
  errors: ['sign_in_failed', 'too_many_attempts'],
  async handle({ body, services, request, reply }) {
    const { storage } = services;
    const address = request.ip;
    const audit = auditFor(services, request, null);
    const login = await storage.accounts.findLogin(normalizeEmail(body.email));
    let attemptId: number;
    try {
      attemptId = await reserveAttempt(services, address, attemptKeyOf(login, body.email));
    } catch (error) {
      await audit.record(
        AUDIT_KINDS.signInLimited,
        login?.accountId ?? null,
        {},
        login?.clinicId ?? null,
      );
      throw error;
    }
    // An unknown email looks up a decoy account that does not exist, so both
    // cases run the same queries and take the same time.
    const lookup = login ?? DECOY_LOGIN;
    const account = await storage.accounts.get(lookup.clinicId, lookup.accountId);
    const passwordHash = await storage.accounts.passwordHashOf(lookup.clinicId, lookup.accountId);
    const matches =
      login !== null && passwordHash !== null && account !== null && account.status === 'active'
        ? await verifyPassword(passwordHash, body.password)
        : await verifyAgainstDecoy(body.password);
    if (!matches || account === null) {
      // The reserved attempt stays counted as a failure.
      await audit.record(
        AUDIT_KINDS.signInFailed,
        login?.accountId ?? null,
        {},
        login?.clinicId ?? null,
      );
      throw new ApiError('sign_in_failed');
    }
    const actor = await startSession(services, request, reply, account);
    // Only a sign-in that got its session stops counting as a failure.
    await attemptSucceeded(services, attemptId);
    await auditFor(services, request, actor).record(AUDIT_KINDS.signInSucceeded, account.id);
    return meFor(services, actor, account);
  },
});

export const signOutRoute = defineRoute({
  id: 'signOut',
  method: 'POST',
  url: '/api/auth/sign-out',
  summary: 'Sign out: ends every session of this account, on every device',
  tag: 'accounts',
  access: rolesOnly('owner', 'therapist', 'client'),
  target: 'none',
  success: { status: 204, description: 'Signed out everywhere' },
  errors: [],
  async handle({ actor, services, request, reply }) {
    const ended = await services.storage.authSessions.endAllOf(actor.accountId);
    clearSessionCookie(request, reply);
    await auditFor(services, request, actor).record(AUDIT_KINDS.signedOut, actor.accountId, {
      sessionsEnded: ended,
    });
  },
});

export const meRoute = defineRoute({
  id: 'getMe',
  method: 'GET',
  url: '/api/me',
  summary: 'The signed-in account, its clinic and its session',
  tag: 'accounts',
  access: rolesOnly('owner', 'therapist', 'client'),
  target: 'none',
  success: { status: 200, schema: meView, description: 'The signed-in account' },
  errors: [],
  async handle({ actor, services }) {
    return meFor(services, actor);
  },
});

export const sharingRoute = defineRoute({
  id: 'setSharing',
  method: 'PUT',
  url: '/api/me/sharing',
  summary: 'Choose what your therapist sees (a client only)',
  tag: 'accounts',
  access: rolesOnly('client'),
  target: 'none',
  body: sharingSchema,
  success: { status: 200, schema: meView, description: 'The account with its new choices' },
  errors: [],
  async handle({ actor, body, services, request }) {
    await services.storage.accounts.updateSharing(
      actor.clinicId,
      actor.accountId,
      body,
      services.now(),
    );
    await auditFor(services, request, actor).record(
      AUDIT_KINDS.sharingChanged,
      actor.accountId,
      body,
    );
    return meFor(services, actor);
  },
});
