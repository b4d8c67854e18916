import { z } from "zod";
import { countedFrom } from "../common/code-points";
import { documentedAs, documentedPattern } from "../common/documented";

/** A JSON Schema (OpenAPI 3.1 dialect) object. */
export type JsonSchema = Record<string, unknown>;

/**
 * zod 3 → JSON Schema 2020-12 (the dialect of OpenAPI 3.1), with named components:
 * a schema registered by identity becomes `$ref: #/components/schemas/<Name>` wherever
 * it appears, so no shape is emitted twice. Transforms and refinements describe their
 * input (what a client sends); pipelines merge both sides so `queryInt.pipe(min(0))`
 * reads as an integer with minimum 0.
 */
export class SchemaRegistry {
  readonly components: Record<string, JsonSchema> = {};
  private readonly names = new Map<z.ZodTypeAny, string>();
  private readonly builders = new Map<string, () => JsonSchema>();

  /** Names a zod schema; its component is built from the schema on first use. */
  name(schema: z.ZodTypeAny, name: string): void {
    if (!this.names.has(schema)) this.names.set(schema, name);
  }

  /** A component built by hand (from field metadata rather than zod), emitted on first use. */
  builder(name: string, build: () => JsonSchema): void {
    if (!this.builders.has(name)) this.builders.set(name, build);
  }

  /** `builder` + a `$ref` to it (which emits it). */
  define(name: string, build: () => JsonSchema): JsonSchema {
    this.builder(name, build);
    return this.refTo(name);
  }

  nameOf(schema: z.ZodTypeAny): string | undefined {
    return this.names.get(schema);
  }

  refTo(name: string): JsonSchema {
    if (!(name in this.components)) {
      this.components[name] = {}; // placeholder first: recursive schemas refer to themselves
      const build = this.builders.get(name);
      if (build) this.components[name] = build();
      else {
        const schema = [...this.names].find(([, n]) => n === name)?.[0];
        if (!schema) throw new Error(`No schema named ${name}`);
        this.components[name] = this.inline(schema);
      }
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  /** The schema, as a `$ref` when it is named. */
  convert(schema: z.ZodTypeAny): JsonSchema {
    const name = this.names.get(schema);
    return name ? this.refTo(name) : this.inline(schema);
  }

  /** The schema's own shape, even when it is named. */
  inline(schema: z.ZodTypeAny): JsonSchema {
    const def = schema._def as { typeName: string; description?: string } & Record<string, any>;
    // What the server checks beyond zod, said by the schema (common/documented.ts), on any type.
    const documented = documentedAs(schema);
    const out = documented ? { ...documented } : this.byType(schema, def);
    const pattern = documentedPattern(schema);
    if (pattern) out.pattern = pattern;
    if (def.description && !out.$ref) out.description ??= def.description;
    return out;
  }

  private inlineCounted(schema: z.ZodTypeAny): JsonSchema | undefined {
    const original = countedFrom(schema);
    return original && this.inline(original);
  }

  private byType(schema: z.ZodTypeAny, def: Record<string, any>): JsonSchema {
    switch (def.typeName as z.ZodFirstPartyTypeKind) {
      case z.ZodFirstPartyTypeKind.ZodString:
        return stringSchema(def.checks);
      case z.ZodFirstPartyTypeKind.ZodNumber:
        return numberSchema(def.checks);
      case z.ZodFirstPartyTypeKind.ZodBigInt:
        return { type: "integer" };
      case z.ZodFirstPartyTypeKind.ZodBoolean:
        return { type: "boolean" };
      case z.ZodFirstPartyTypeKind.ZodDate:
        return { type: "string", format: "date-time" };
      case z.ZodFirstPartyTypeKind.ZodNull:
        return { type: "null" };
      case z.ZodFirstPartyTypeKind.ZodAny:
      case z.ZodFirstPartyTypeKind.ZodUnknown:
        return {};
      case z.ZodFirstPartyTypeKind.ZodNever:
        return { not: {} };
      case z.ZodFirstPartyTypeKind.ZodLiteral:
        return { const: def.value };
      case z.ZodFirstPartyTypeKind.ZodEnum:
        return { type: "string", enum: canonicalMembers(def.values) };
      case z.ZodFirstPartyTypeKind.ZodNativeEnum:
        return { enum: Object.values(def.values).filter((v) => typeof def.values[v as string] !== "number") };
      case z.ZodFirstPartyTypeKind.ZodNullable:
        return nullable(this.convert(def.innerType));
      case z.ZodFirstPartyTypeKind.ZodOptional:
        return this.convert(def.innerType);
      case z.ZodFirstPartyTypeKind.ZodDefault: {
        const inner = this.convert(def.innerType);
        const value = def.defaultValue();
        return value === undefined ? inner : { ...inner, default: value };
      }
      case z.ZodFirstPartyTypeKind.ZodCatch:
      case z.ZodFirstPartyTypeKind.ZodReadonly:
        return this.convert(def.innerType);
      case z.ZodFirstPartyTypeKind.ZodBranded:
        return this.convert(def.type);
      case z.ZodFirstPartyTypeKind.ZodEffects:
        // A refinement or parser that says what it accepts (dates, addresses: common/documented.ts).
        // A string whose length bounds are counted in code points: described by its own checks.
        return { ...(documentedAs(schema) ?? this.inlineCounted(schema) ?? this.convert(def.schema)) };
      case z.ZodFirstPartyTypeKind.ZodLazy:
        return this.convert(def.getter());
      case z.ZodFirstPartyTypeKind.ZodPipeline: {
        const a = { ...this.convert(def.in) };
        let b = this.convert(def.out);
        // `queryInt.pipe(z.number().min(1))`: the output is the same whole number, bounded.
        if (a.type === "integer" && b.type === "number") b = { ...b, type: "integer" };
        if (a.type === undefined || a.type !== b.type) return a;
        // The output side's bounds are the real ones on the side it bounds
        // (`queryInt.pipe(z.number().min(0))`: minimum 0, queryInt's int32 maximum kept).
        const lower = ["minimum", "exclusiveMinimum"];
        const upper = ["maximum", "exclusiveMaximum"];
        for (const side of [lower, upper]) if (side.some((k) => k in b)) for (const k of side) delete a[k];
        return { ...a, ...b };
      }
      case z.ZodFirstPartyTypeKind.ZodArray: {
        const out: JsonSchema = { type: "array", items: this.convert(def.type) };
        if (def.minLength) out.minItems = def.minLength.value;
        if (def.maxLength) out.maxItems = def.maxLength.value;
        if (def.exactLength) out.minItems = out.maxItems = def.exactLength.value;
        return out;
      }
      case z.ZodFirstPartyTypeKind.ZodTuple:
        return { type: "array", prefixItems: def.items.map((i: z.ZodTypeAny) => this.convert(i)) };
      case z.ZodFirstPartyTypeKind.ZodRecord:
        return { type: "object", additionalProperties: this.convert(def.valueType) };
      case z.ZodFirstPartyTypeKind.ZodMap:
        return { type: "object", additionalProperties: this.convert(def.valueType) };
      case z.ZodFirstPartyTypeKind.ZodUnion:
      case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion: {
        const options: z.ZodTypeAny[] = [...(def.options instanceof Map ? def.options.values() : def.options)];
        const members = dedupe(options.map((o) => this.convert(o)));
        // A union of literals (`4 | 6`) is an enum: generators emit a plain enum type.
        const consts = members.map((m) => m.const);
        if (
          members.every((m) => Object.keys(m).length === 1 && "const" in m) &&
          new Set(consts.map((c) => typeof c)).size === 1
        )
          return {
            type:
              typeof consts[0] === "number"
                ? consts.every(Number.isInteger)
                  ? "integer"
                  : "number"
                : typeof consts[0],
            enum: consts,
          };
        return { anyOf: members };
      }
      case z.ZodFirstPartyTypeKind.ZodIntersection:
        return { allOf: [this.convert(def.left), this.convert(def.right)] };
      case z.ZodFirstPartyTypeKind.ZodObject:
        return this.object(schema as z.AnyZodObject);
      default:
        throw new Error(`OpenAPI: no JSON Schema for zod type ${def.typeName}`);
    }
  }

  private object(schema: z.AnyZodObject): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [key, value] of Object.entries(schema.shape as z.ZodRawShape)) {
      properties[key] = this.convert(value);
      if (!value.isOptional()) required.push(key);
    }
    const out: JsonSchema = { type: "object", properties };
    if (required.length) out.required = required;
    const def = schema._def;
    if (def.catchall && !(def.catchall instanceof z.ZodNever)) out.additionalProperties = this.convert(def.catchall);
    else if (def.unknownKeys === "strict") out.additionalProperties = false;
    return out;
  }
}

/** `T | null` without losing the type keyword where one exists. */
export function nullable(s: JsonSchema): JsonSchema {
  if (typeof s.type === "string" && !s.$ref) {
    const out: JsonSchema = { ...s, type: [s.type, "null"] };
    if (Array.isArray(s.enum)) out.enum = [...s.enum, null];
    return out;
  }
  return { anyOf: [s, { type: "null" }] };
}

function dedupe(list: JsonSchema[]): JsonSchema[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = JSON.stringify(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type Check = { kind: string; value?: number; inclusive?: boolean; regex?: RegExp; version?: string };

/**
 * Every JSON string is refused with a NUL character in it (PostgreSQL text cannot hold one;
 * http/json-body.ts answers 400 on the field): said on every string without a pattern of its own.
 */
export const NO_NUL_PATTERN = "^[^\\u0000]*$";

/**
 * The characters JavaScript's `String.prototype.trim` removes (ECMAScript WhiteSpace and
 * LineTerminator), spelled out: `\s` differs between regex engines (Python's also matches
 * \x1c–\x1f, which trim keeps), and the document's patterns are run by Python and Java clients.
 */
const TRIMMED = "\\t\\n\\u000b\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

/**
 * A string the server trims before checking it is blank when nothing but trimmed characters
 * is left ("This field may not be blank."): one character outside the trim set is required,
 * in the same regex as the NUL rule. It says "at least 1 after trimming", not a larger
 * minimum (no field has one without a pattern of its own). maxLength cannot follow the
 * trimming in JSON Schema: the server counts the length after trimming, so a value padded
 * with spaces past maxLength is still accepted; the document states the stricter bound.
 */
export const NOT_BLANK_PATTERN = `^[^\\u0000]*[^\\u0000${TRIMMED}][^\\u0000]*$`;

function stringSchema(checks: Check[]): JsonSchema {
  const out: JsonSchema = { type: "string" };
  const trimmed = checks.some((c) => c.kind === "trim");
  for (const c of checks) {
    if (c.kind === "min") out.minLength = c.value;
    else if (c.kind === "max") out.maxLength = c.value;
    else if (c.kind === "length") out.minLength = out.maxLength = c.value;
    else if (c.kind === "regex") out.pattern = c.regex!.source;
    else if (c.kind === "url") out.format = "uri";
    else if (c.kind === "uuid") out.format = "uuid";
    else if (c.kind === "email") out.format = "email";
    else if (c.kind === "datetime") out.format = "date-time";
    else if (c.kind === "date") out.format = "date";
    else if (c.kind === "ip") out.format = c.version === "v6" ? "ipv6" : c.version === "v4" ? "ipv4" : undefined;
  }
  if (out.format === undefined) delete out.format;
  if (out.pattern === undefined && out.format === undefined)
    out.pattern = trimmed && Number(out.minLength ?? 0) >= 1 ? NOT_BLANK_PATTERN : NO_NUL_PATTERN;
  return out;
}

function numberSchema(checks: Check[]): JsonSchema {
  const out: JsonSchema = { type: "number" };
  for (const c of checks) {
    if (c.kind === "int") out.type = "integer";
    else if (c.kind === "min") out[c.inclusive ? "minimum" : "exclusiveMinimum"] = c.value;
    else if (c.kind === "max") out[c.inclusive ? "maximum" : "exclusiveMaximum"] = c.value;
  }
  return out;
}

/**
 * Enum members that differ only in case or punctuation (a choice's value and its label,
 * `active`/`Active`, `in_use`/`In use`; `true`/`True`) are one member for client
 * generators, which derive constant names from them (`ACTIVE`) and reject duplicates.
 * The first spelling — the canonical value — is documented; the server still accepts the rest.
 */
function canonicalMembers(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
