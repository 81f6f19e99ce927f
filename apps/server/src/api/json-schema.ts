// zod schemas as JSON Schema (draft-07), the form both Fastify's validator
// and the OpenAPI document use. Invariants: the schema validated is the
// schema documented; request objects keep `additionalProperties: false`.
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

const cache = new WeakMap<z.ZodType, Map<string, JsonSchema>>();

export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  let forSchema = cache.get(schema);
  if (forSchema === undefined) {
    forSchema = new Map();
    cache.set(schema, forSchema);
  }
  const cached = forSchema.get(io);
  if (cached !== undefined) return cached;
  const { $schema: _dialect, ...converted } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  forSchema.set(io, converted);
  return converted;
}
