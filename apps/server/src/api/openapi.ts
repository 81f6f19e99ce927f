// The OpenAPI 3.1 document of the whole API, generated from the route table:
// every path, its parameters, request body and responses, with the same JSON
// Schemas the server validates with. Invariants: every route appears once;
// every error response is the registry's error shape; signed-in routes name
// the session cookie as their security scheme.
import { errorRegistry, type ErrorCode } from '../errors.js';
import { jsonSchemaOf, type JsonSchema } from './json-schema.js';
import { errorResponse } from './fields.js';
import type { Route } from './route.js';
import { SESSION_COOKIE_NAMES } from './session-cookie-names.js';

/** Errors any route may answer with, by access kind and method. */
export function commonErrorsOf(route: Route): ErrorCode[] {
  const codes: ErrorCode[] = ['internal_error', 'database_unavailable'];
  if (route.body || route.query || route.params) codes.push('bad_request');
  if (route.body)
    codes.push('invalid_json', 'wrong_content_type', 'body_not_allowed', 'body_too_large');
  if (route.method !== 'GET') codes.push('origin_refused');
  if (route.access.kind === 'roles') codes.push('not_signed_in', 'session_expired', 'not_allowed');
  return codes;
}

function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}');
}

function parametersOf(route: Route): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (schema === undefined) continue;
    const json = jsonSchemaOf(schema, 'input');
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      parameters.push({
        name,
        in: location,
        required: location === 'path' || required.has(name),
        schema: property,
      });
    }
  }
  return parameters;
}

function responsesOf(route: Route): JsonSchema {
  const responses: JsonSchema = {};
  const { status, schema, description } = route.success;
  responses[String(status)] =
    schema === undefined
      ? { description }
      : {
          description,
          content: {
            [route.success.mediaType ?? 'application/json']: {
              schema: jsonSchemaOf(schema, 'output'),
            },
          },
        };
  for (const sameShape of route.sameShapeOn ?? []) {
    responses[String(sameShape)] = { ...(responses[String(status)] as JsonSchema) };
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...commonErrorsOf(route), ...route.errors])) {
    const errorStatus = errorRegistry[code].status;
    byStatus.set(errorStatus, [...(byStatus.get(errorStatus) ?? []), code]);
  }
  for (const [errorStatus, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    if (responses[String(errorStatus)] !== undefined) continue;
    responses[String(errorStatus)] = {
      description: codes.map((code) => `\`${code}\`: ${errorRegistry[code].message}`).join('\n'),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return responses;
}

export function openApiDocument(routes: readonly Route[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.url);
    const operation: JsonSchema = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      parameters: parametersOf(route),
      responses: responsesOf(route),
      security: route.access.kind === 'public' ? [] : [{ sessionCookie: [] }],
      'x-glutewake-access':
        route.access.kind === 'public' ? 'public' : route.access.roles.join(', '),
    };
    if (route.body !== undefined) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input') } },
      };
    }
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Glutewake API',
      version,
      description:
        'Clinics, accounts, invitations, exactly-once sync of session events, and the ' +
        'therapist views. Errors carry a stable `code` from one registry.',
    },
    paths,
    components: {
      schemas: {
        Error: { ...jsonSchemaOf(errorResponse, 'output'), additionalProperties: true },
        ErrorCode: { type: 'string', enum: Object.keys(errorRegistry) },
      },
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE_NAMES.plain,
          description: `Set by sign-in; named ${SESSION_COOKIE_NAMES.secure} over HTTPS.`,
        },
      },
    },
  };
}
