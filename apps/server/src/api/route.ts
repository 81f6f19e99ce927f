// What an API route is: its method and path, who may call it, the schemas of
// everything it reads and returns, the errors it can answer with, and its
// handler. The route table (api/routes.ts) is a list of these; the server,
// the OpenAPI document and the access-matrix test are all generated from it,
// so a route cannot exist without schemas or escape the matrix. Invariants:
// request schemas are strict objects (unknown properties are refused);
// handler types derive from the schemas.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Role } from '../db/database.js';
import type { ErrorCode } from '../errors.js';
import type { ServerSettings } from '../settings.js';
import type { Services } from './services.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Who may call a route: anyone, or signed-in accounts with one of these roles. */
export type Access = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/**
 * What the route's path names, for the access matrix: a client account, a
 * staff account, an invitation, or nothing (the caller's own things).
 */
export type Target = 'client' | 'staff-member' | 'invitation' | 'none';

/** The signed-in account making a request. */
export interface Actor {
  accountId: string;
  clinicId: string;
  role: Role;
  tokenHash: string;
}

export type SuccessStatus = 200 | 201 | 204;

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
type ActorFor<A extends Access> = A extends { kind: 'public' } ? Actor | null : Actor;

export interface RouteContext<Body, Query, Params, A extends Access = Access> {
  body: Body;
  query: Query;
  params: Params;
  actor: ActorFor<A>;
  request: FastifyRequest;
  reply: FastifyReply;
  services: Services;
}

export interface RouteSpec<
  A extends Access,
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  R extends z.ZodType | undefined,
> {
  /** The OpenAPI operationId: lowerCamelCase, unique. */
  id: string;
  method: HttpMethod;
  /** Fastify path syntax: /api/clients/:clientId */
  url: string;
  summary: string;
  tag: string;
  access: A;
  target: Target;
  body?: B;
  query?: Q;
  params?: P;
  /**
   * `mediaType` names a body that is not plain JSON (text/csv, application/fhir+json):
   * the handler returns it as a string, which is sent as is under that type.
   */
  success: { status: SuccessStatus; schema?: R; description: string; mediaType?: string };
  /** Other statuses whose body has the success schema (health's 503). */
  sameShapeOn?: readonly number[];
  /** Errors this route answers with besides the ones every route may give. */
  errors: readonly ErrorCode[];
  /** Largest body accepted, in bytes, from the server's settings (default: the app's API limit). */
  bodyLimit?: (settings: ServerSettings) => number;
  handle(
    context: RouteContext<Infer<B>, Infer<Q>, Infer<P>, A>,
  ): Promise<R extends z.ZodType ? z.input<R> : void>;
}

/** A route with its types erased, as the route table holds it. */
export interface Route {
  id: string;
  method: HttpMethod;
  url: string;
  summary: string;
  tag: string;
  access: Access;
  target: Target;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  success: { status: SuccessStatus; schema?: z.ZodType; description: string; mediaType?: string };
  sameShapeOn?: readonly number[];
  errors: readonly ErrorCode[];
  bodyLimit?: (settings: ServerSettings) => number;
  handle(context: RouteContext<unknown, unknown, unknown>): Promise<unknown>;
}

export function defineRoute<
  A extends Access,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<A, B, Q, P, R>): Route {
  return spec as unknown as Route;
}

export const PUBLIC = { kind: 'public' } as const satisfies Access;

export function rolesOnly<const T extends readonly Role[]>(
  ...roles: T
): { kind: 'roles'; roles: T } {
  return { kind: 'roles', roles };
}
