// Requests as a browser on this server's own page would send them: JSON
// bodies, the Origin header, and the session cookie of whoever is acting.
// Signing someone in for a test writes their session straight to storage
// (the sign-in route itself is tested on its own).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { newSessionToken, sessionTokenHash } from '../../src/auth/tokens.js';
import { DEFAULT_SETTINGS } from '../../src/settings.js';
import type { Account, Storage } from '../../src/storage/types.js';

export const OWN_ORIGIN = 'http://localhost';

/** A signed-in session for an account; returns its Cookie header. */
export async function cookieFor(storage: Storage, account: Account, now: number): Promise<string> {
  const token = newSessionToken();
  const lifetime =
    account.role === 'client' ? DEFAULT_SETTINGS.clientSession : DEFAULT_SETTINGS.staffSession;
  const created = await storage.authSessions.create({
    tokenHash: sessionTokenHash(token),
    accountId: account.id,
    clinicId: account.clinicId,
    role: account.role,
    createdAt: now,
    lastSeenAt: now,
    idleTimeoutMs: lifetime.idleTimeoutMs,
    expiresAt: now + lifetime.absoluteLifetimeMs,
  });
  if (!created) throw new Error(`${account.id} is not active: it cannot sign in`);
  return `glutewake_session=${token}`;
}

/** The Cookie header that carries a response's new session cookie. */
export function cookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((each) => each.name.endsWith('glutewake_session'));
  if (cookie === undefined) throw new Error(`no session cookie in a ${response.statusCode}`);
  return `${cookie.name}=${cookie.value}`;
}

export interface ApiRequest {
  method?: InjectOptions['method'];
  url: string;
  body?: unknown;
  cookie?: string | null;
  origin?: string | null;
  headers?: Record<string, string>;
  /** The caller's address (default 127.0.0.1). */
  remoteAddress?: string;
}

export function callApi(
  app: FastifyInstance,
  {
    method = 'GET',
    url,
    body,
    cookie = null,
    origin = OWN_ORIGIN,
    headers = {},
    remoteAddress = '127.0.0.1',
  }: ApiRequest,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    remoteAddress,
    headers: {
      ...(origin === null ? {} : { origin }),
      ...(cookie === null ? {} : { cookie }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}
