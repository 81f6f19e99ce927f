// The Origin check: a state-changing API request (POST, PUT, PATCH, DELETE)
// must say it comes from this server's own origin, or from one the operator
// allowed (ALLOWED_ORIGINS). Browsers always send Origin on such requests, and
// a page on another site cannot forge it, so together with SameSite=Strict
// cookies this refuses cross-site requests. "Own origin" is the one the
// request names in its Host, which a page can choose through DNS rebinding
// (its own name made to point at this server), so it counts only for hosts no
// outside DNS can answer for: an address, localhost, a name without dots or
// a .local one; a server reached by a public name lists that origin in
// ALLOWED_ORIGINS. Invariants: a request with no
// Origin, or "null", is refused too; what counts as an API request is the
// route it reaches, however its URL is spelled; a refusal to someone holding
// a session is audited as a denial.
import { isIP } from 'node:net';
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

/**
 * Whether a host can only name this server: an IP address, or a name that no
 * outside DNS answers for (localhost and *.localhost, a name without dots,
 * *.local). Any other name may be a rebinding page's own.
 */
export function hostCannotBeRebound(hostname: string): boolean {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) !== 0) return true;
  const name = bare.toLowerCase().replace(/\.$/, '');
  return !name.includes('.') || name.endsWith('.localhost') || name.endsWith('.local');
}

export type OriginVerdict = 'allowed' | 'foreign' | 'host-not-allowed';

export function originVerdict(
  request: FastifyRequest,
  extraOrigins: ReadonlySet<string>,
): OriginVerdict {
  const sent = request.headers.origin;
  const origin = sent === undefined ? null : normalizedOrigin(sent);
  if (origin === null) return 'foreign';
  if (extraOrigins.has(origin)) return 'allowed';
  const own = ownOrigin(request);
  if (origin !== own) return 'foreign';
  return hostCannotBeRebound(new URL(own).hostname) ? 'allowed' : 'host-not-allowed';
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
    const verdict = originVerdict(request, extraOrigins);
    if (verdict === 'allowed') return;
    if (verdict === 'host-not-allowed') {
      request.log.warn(
        `Refused a request to ${ownOrigin(request)}: if that is this server's public address, ` +
          'add it to ALLOWED_ORIGINS',
      );
    }
    const { actor } = await identify(services, request, reply);
    if (actor !== null) {
      await auditFor(services, request, actor).denied('origin', {
        origin: request.headers.origin ?? null,
      });
    }
    throw new ApiError('origin_refused');
  });
}
