// The Origin check: a state-changing API request (POST, PUT, PATCH, DELETE)
// must say it comes from this server's own origin, or from one the operator
// allowed (ALLOWED_ORIGINS). Browsers always send Origin on such requests, and
// a page on another site cannot forge it, so together with SameSite=Strict
// cookies this refuses cross-site requests. Invariants: a request with no
// Origin, or "null", is refused too; what counts as an API request is the
// route it reaches, however its URL is spelled; a refusal to someone holding
// a session is audited as a denial.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditFor } from '../api/audit.js';
import type { Services } from '../api/services.js';
import { identify } from '../auth/sessions.js';
import { ApiError } from '../errors.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** This server's origin as the request reached it ("https://clinic.example"). */
export function ownOrigin(request: FastifyRequest): string {
  return normalizedOrigin(`${request.protocol}://${request.host}`) ?? '';
}

/** An origin with its default port dropped, or null when it is not one. */
function normalizedOrigin(text: string): string | null {
  try {
    const { origin } = new URL(text);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function originAllowed(request: FastifyRequest, extraOrigins: ReadonlySet<string>): boolean {
  const sent = request.headers.origin;
  const origin = sent === undefined ? null : normalizedOrigin(sent);
  if (origin === null) return false;
  return origin === ownOrigin(request) || extraOrigins.has(origin);
}

export function installOriginCheck(
  app: FastifyInstance,
  services: Services,
  allowedOrigins: readonly string[],
): void {
  const extraOrigins = new Set(
    allowedOrigins.map(normalizedOrigin).filter((origin) => origin !== null),
  );
  // preParsing: after the cookie parser, before a foreign body is even read.
  app.addHook('preParsing', async (request, reply) => {
    // The matched route's path, not the raw URL: a router reads "/%61pi/" as "/api/".
    const path = request.routeOptions.url ?? request.url;
    if (!stateChanging.has(request.method) || !path.startsWith('/api/')) return;
    if (originAllowed(request, extraOrigins)) return;
    const { actor } = await identify(services, request, reply);
    if (actor !== null) {
      await auditFor(services, request, actor).denied('origin', {
        origin: request.headers.origin ?? null,
      });
    }
    throw new ApiError('origin_refused');
  });
}
