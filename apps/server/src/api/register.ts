// Puts the route table on a Fastify instance. For each route: the schemas go
// to Fastify's validator and serializer (so what is documented is what is
// enforced, and responses carry only the fields their schema names), access
// is checked before the handler runs, and the success status is sent.
// Invariants: an anonymous call to a signed-in route is 401 and a signed-in
// call with the wrong role is 403 (audited), both before any handler runs; a
// 403 not_allowed a handler throws is audited as well.
import type { FastifyInstance } from 'fastify';
import { identify } from '../auth/sessions.js';
import { ApiError } from '../errors.js';
import { auditFor } from './audit.js';
import { jsonSchemaOf } from './json-schema.js';
import type { Route } from './route.js';
import type { Services } from './services.js';

function schemaFor(route: Route) {
  const { schema, status } = route.success;
  const response: Record<number, unknown> = {};
  if (schema !== undefined) {
    for (const each of [status, ...(route.sameShapeOn ?? [])]) {
      response[each] = jsonSchemaOf(schema, 'output');
    }
  }
  return {
    ...(route.body ? { body: jsonSchemaOf(route.body, 'input') } : {}),
    ...(route.query ? { querystring: jsonSchemaOf(route.query, 'input') } : {}),
    ...(route.params ? { params: jsonSchemaOf(route.params, 'input') } : {}),
    response,
  };
}

export function registerRoutes(
  app: FastifyInstance,
  routes: readonly Route[],
  services: Services,
): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      schema: schemaFor(route),
      ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit(services.settings) }),
      handler: async (request, reply) => {
        const identified = await identify(services, request, reply);
        const { actor } = identified;
        if (route.access.kind === 'roles') {
          if (actor === null) {
            throw new ApiError(identified.expired ? 'session_expired' : 'not_signed_in');
          }
          if (!route.access.roles.includes(actor.role)) {
            await auditFor(services, request, actor).denied('role', { route: route.id });
            throw new ApiError('not_allowed');
          }
        }
        const result = await route
          .handle({
            body: request.body,
            query: request.query,
            params: request.params,
            actor,
            request,
            reply,
            services,
          })
          .catch(async (error: unknown) => {
            // A refusal the handler makes itself (a therapist inviting a therapist) is audited too.
            if (error instanceof ApiError && error.code === 'not_allowed' && actor !== null) {
              await auditFor(services, request, actor).denied('not-allowed', { route: route.id });
            }
            throw error;
          });
        // A handler may answer with another status of the same shape (health's 503).
        if (reply.statusCode === 200) reply.code(route.success.status);
        if (route.success.mediaType !== undefined) reply.type(route.success.mediaType);
        return route.success.status === 204 ? reply.send() : result;
      },
    });
  }
}
