// Routes about the server itself: its health (database reachable, schema
// version) and the OpenAPI document of the whole API.
import { z } from 'zod';
import { defineRoute, PUBLIC, type Route } from './route.js';

const healthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    reachable: z.boolean(),
    migrationsApplied: z.number().int(),
    migrationsPending: z.array(z.string()),
    latestMigration: z.string(),
  }),
  serverTime: z.number().int(),
});

export const healthRoute = defineRoute({
  id: 'getHealth',
  method: 'GET',
  url: '/api/health',
  summary: 'Whether the server and its database are working',
  tag: 'server',
  access: PUBLIC,
  target: 'none',
  success: {
    status: 200,
    schema: healthResponse,
    description: 'The database is reachable (the same shape with 503 when it is not)',
  },
  sameShapeOn: [503],
  errors: [],
  async handle({ services, reply }) {
    const { storage } = services;
    try {
      const health = await storage.health();
      return {
        status: 'ok' as const,
        database: {
          dialect: health.dialect,
          reachable: true,
          migrationsApplied: health.migrations.applied.length,
          migrationsPending: health.migrations.pending,
          latestMigration: health.migrations.latest,
        },
        serverTime: services.now(),
      };
    } catch (error) {
      reply.request.log.warn({ err: error }, 'health check: database unreachable');
      reply.code(503).header('retry-after', '5');
      return {
        status: 'unavailable' as const,
        database: {
          dialect: storage.dialect,
          reachable: false,
          migrationsApplied: 0,
          migrationsPending: [],
          latestMigration: '',
        },
        serverTime: services.now(),
      };
    }
  },
});

export function openApiRoute(document: () => unknown): Route {
  return defineRoute({
    id: 'getOpenApi',
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This document: the whole API in OpenAPI 3.1',
    tag: 'server',
    access: PUBLIC,
    target: 'none',
    success: {
      status: 200,
      schema: z.record(z.string(), z.unknown()),
      description: 'The OpenAPI document',
    },
    errors: [],
    async handle() {
      return document() as Record<string, unknown>;
    },
  });
}
