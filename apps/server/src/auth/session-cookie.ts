// The session cookie. Invariants: HttpOnly (no script reads it), SameSite=
// Strict (no other site's page sends it), Path=/, Secure and __Host- prefixed
// whenever the request came over HTTPS, and then only the prefixed cookie is
// read; its Max-Age is the session's absolute lifetime, and the server
// enforces the idle timeout on top.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE_NAMES } from '../api/session-cookie-names.js';

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function readSessionToken(request: FastifyRequest): string | null {
  // Over HTTPS only the __Host- cookie counts: a plain-named one may have been
  // planted by a sibling subdomain or over plain HTTP (session fixation).
  const name = isHttps(request) ? SESSION_COOKIE_NAMES.secure : SESSION_COOKIE_NAMES.plain;
  const token = request.cookies[name];
  return token !== undefined && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeMs: number,
): void {
  const secure = isHttps(request);
  reply.setCookie(secure ? SESSION_COOKIE_NAMES.secure : SESSION_COOKIE_NAMES.plain, token, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = isHttps(request);
  reply.clearCookie(secure ? SESSION_COOKIE_NAMES.secure : SESSION_COOKIE_NAMES.plain, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: '/',
  });
}
