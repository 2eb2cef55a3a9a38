import { z } from 'zod';

/**
 * Helpers that build one schema definition in two modes (schema.ts explains why):
 * - strict: objects refuse unknown keys, every key is required, defaults appear as JSON Schema annotations;
 * - read: objects drop unknown keys and missing keys take their defaults.
 */

/**
 * A field API name, or a relationship path of up to five names (`Account.Industry`). Letters, digits and
 * underscores only: the runner puts it into SOQL unquoted, so this pattern is what keeps it from being code.
 */
export const FIELD_PATH_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*){0,4}$/;

export type SchemaMode = 'strict' | 'read';

export function makeSchemaKit(mode: SchemaMode) {
  const read = mode === 'read';
  return {
    // Both object kinds share one call signature; the cast keeps the static types of the strict variant.
    object: (read ? z.object : z.strictObject) as typeof z.strictObject,
    /** A value with a default: required and annotated when strict, filled in when reading. */
    leaf: <T extends z.ZodType>(schema: T, fallback: NoInfer<z.output<T>>): T =>
      (read
        ? (schema as z.ZodType).default(fallback as never)
        : schema.meta({ default: fallback })) as unknown as T,
    /** A nested object: when reading, a missing one is built from its members' defaults. */
    section: <T extends z.ZodType>(schema: T): T =>
      (read ? (schema as z.ZodType).prefault({} as never) : schema) as unknown as T,
    /** `$defs` names for the generated JSON Schema (strict only: an id may be registered once). */
    named: (id: string, extra: Record<string, unknown> = {}) => (read ? {} : { id, ...extra }),
    fieldPath: (what: string) =>
      z
        .string()
        .max(255)
        .regex(
          FIELD_PATH_PATTERN,
          'Use a field API name such as "Department" or a parent path such as "Account.Industry" (letters, digits, _ and . only).'
        )
        .describe(
          `${what}: a field API name as in the org (e.g. "Department", "Region__c") or a parent path such as "Account.Industry".`
        )
  };
}

export type SchemaKit = ReturnType<typeof makeSchemaKit>;
