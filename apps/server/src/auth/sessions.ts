// Signed-in sessions: starting one (a fresh token, its hash stored, the
// cookie set) and recognising one on each request. Invariants: a session
// starts only for an account still active when it is stored; a session ends
// at its absolute lifetime or after its idle timeout, whichever comes first,
// and an ended session is deleted, never revived; staff sessions are shorter
// than clients' (settings.ts); last-seen is written at most once per
// touch interval, so a busy device does not write on every request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../api/route.js';
import type { Services } from '../api/services.js';
import type { Role } from '../db/database.js';
import type { SessionLifetime } from '../settings.js';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session-cookie.js';
import { newSessionToken, sessionTokenHash } from './tokens.js';
import { ApiError } from '../errors.js';

export function lifetimeOf(services: Services, role: Role): SessionLifetime {
  return role === 'client' ? services.settings.clientSession : services.settings.staffSession;
}

export async function startSession(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  account: { id: string; clinicId: string; role: Role },
): Promise<Actor> {
  const token = newSessionToken();
  const tokenHash = sessionTokenHash(token);
  const now = services.now();
  const lifetime = lifetimeOf(services, account.role);
  const created = await services.storage.authSessions.create({
    tokenHash,
    accountId: account.id,
    clinicId: account.clinicId,
    role: account.role,
    createdAt: now,
    lastSeenAt: now,
    idleTimeoutMs: lifetime.idleTimeoutMs,
    expiresAt: now + lifetime.absoluteLifetimeMs,
  });
  // Disabled or removed while its password was being checked.
  if (!created) throw new ApiError('sign_in_failed');
  setSessionCookie(request, reply, token, lifetime.absoluteLifetimeMs);
  return { accountId: account.id, clinicId: account.clinicId, role: account.role, tokenHash };
}

export type Identified = { actor: Actor } | { actor: null; expired: boolean };

/** Who is asking: the session's account, nobody, or a session that has just ended. */
export async function identify(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Identified> {
  const token = readSessionToken(request);
  if (token === null) return { actor: null, expired: false };
  const tokenHash = sessionTokenHash(token);
  const session = await services.storage.authSessions.find(tokenHash);
  const now = services.now();
  if (session === null) {
    clearSessionCookie(request, reply);
    return { actor: null, expired: true };
  }
  if (now >= session.expiresAt || now - session.lastSeenAt > session.idleTimeoutMs) {
    await services.storage.authSessions.end(tokenHash);
    clearSessionCookie(request, reply);
    return { actor: null, expired: true };
  }
  if (now - session.lastSeenAt >= services.settings.sessionTouchIntervalMs) {
    await services.storage.authSessions.touch(tokenHash, now);
  }
  return {
    actor: {
      accountId: session.accountId,
      clinicId: session.clinicId,
      role: session.role,
      tokenHash,
    },
  };
}
