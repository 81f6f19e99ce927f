// The OpenAPI document at /api/openapi.json describes every route of the
// route table, with request schemas that refuse unknown properties and error
// responses in the registry's shape.
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../src/api/routes.js';
import { errorRegistry } from '../../src/errors.js';
import { useTestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;

/** Every object schema inside a JSON Schema, the schema itself included. */
function objectSchemasIn(schema: unknown): Json[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: Json[] = [];
  const node = schema as Json;
  if (node.type === 'object' && node.properties !== undefined) found.push(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) found.push(...objectSchemasIn(item));
    else found.push(...objectSchemasIn(value));
  }
  return found;
}

describe('GET /api/openapi.json', () => {
  const server = useTestApp('sqlite');
  let document: Json;

  it('is an OpenAPI 3.1 document', async () => {
    const response = await server.app().inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Glutewake API' });
  });

  it('has one operation per route of the route table, with unique ids', () => {
    const paths = document.paths as Record<string, Record<string, Json>>;
    const operations = Object.values(paths).flatMap((methods) => Object.values(methods));
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(
      routeTable.map((route) => route.id).sort(),
    );
    expect(new Set(routeTable.map((route) => route.id)).size).toBe(routeTable.length);
    for (const route of routeTable) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(paths[path]?.[route.method.toLowerCase()], route.id).toBeDefined();
    }
  });

  it('refuses unknown properties in every request body, query and path', () => {
    const paths = document.paths as Record<string, Record<string, Json>>;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const requestSchemas = [operation.requestBody, operation.parameters];
        for (const schema of objectSchemasIn(requestSchemas)) {
          expect(schema.additionalProperties, `${method} ${path}`).toBe(false);
        }
      }
    }
    for (const route of routeTable) {
      for (const part of [route.body, route.query, route.params]) {
        if (part === undefined) continue;
        expect(part.safeParse({ surprise: 1 }).success, route.id).toBe(false);
      }
    }
  });

  it('documents a success response and registry errors for every operation', () => {
    const paths = document.paths as Record<string, Record<string, Json>>;
    for (const methods of Object.values(paths)) {
      for (const operation of Object.values(methods)) {
        const responses = operation.responses as Record<string, Json>;
        const statuses = Object.keys(responses).map(Number);
        expect(statuses.some((status) => status >= 200 && status < 300)).toBe(true);
        expect(statuses).toContain(500);
        for (const status of statuses.filter((each) => each >= 400)) {
          const schema = (responses[String(status)]?.content as Json | undefined)?.[
            'application/json'
          ] as Json | undefined;
          if (status === 503 && operation.operationId === 'getHealth') continue;
          expect(schema?.schema).toEqual({ $ref: '#/components/schemas/Error' });
        }
      }
    }
    const codes = (document.components as Json).schemas as Record<string, Json>;
    expect(codes.ErrorCode?.enum).toEqual(Object.keys(errorRegistry));
  });
});
