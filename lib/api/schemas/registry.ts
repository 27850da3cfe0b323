import { z } from "zod";

export type SchemaMeta = { id: string; description: string };

/**
 * The API's named schemas: each becomes a component of the OpenAPI document (openapi-document.ts),
 * and every schema that uses it points there instead of repeating it.
 */
export const apiRegistry = z.registry<SchemaMeta>();

/** Registers `schema` under `id` and returns it, for use in other schemas. */
export function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  apiRegistry.add(schema, { id, description });
  return schema;
}
