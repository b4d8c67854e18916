import { z } from "zod";
import { countingCodePoints } from "./code-points";
import { documentAs } from "./documented";
import {
  BOOL_LOOKUPS,
  CHOICE_LOOKUPS,
  type Lookup,
  NET_LOOKUPS,
  ORDERED_LOOKUPS,
  queryBoolean,
  queryDate,
  queryDateTime,
  queryInt,
  queryNumber,
  RELATION_LOOKUPS,
  STRING_LOOKUPS,
} from "./lookups";
import { cidrSchema, ipSchema, macSchema } from "./net";
import { objectId } from "./object-id";
import { userPassword } from "./password-policy";
import { NestedBase } from "./schemas";

/**
 * A field declaration is the single description of one attribute of a resource.
 * From it the resource builder derives the Read/Brief/Create/Update/Patch schemas,
 * the filter parameters with their lookups, ordering, OPTIONS metadata and the
 * OpenAPI document; the server derives SQL from it. Nothing about a field is said
 * twice.
 */
export type FieldKind =
  | "string"
  | "text"
  | "int"
  | "number"
  | "bool"
  | "date"
  | "datetime"
  | "json"
  | "choice"
  | "fk"
  | "m2m"
  | "count"
  | "ip"
  | "cidr"
  | "mac";

export interface FieldOptions {
  /** Must be sent on create and PUT. */
  required?: boolean;
  /** Accepts and reads `null`. */
  nullable?: boolean;
  /** Value used when omitted on create and PUT. */
  default?: unknown;
  /** Served on reads only; ignored when a client sends it. */
  readOnly?: boolean;
  /** Accepted on writes, never returned (passwords). */
  writeOnly?: boolean;
  /** `false`: not a table column; computed by the server (reads null unless a handler fills it, e.g. a new token's key). */
  stored?: boolean;
  /** Unique in the database: duplicates are a 409. */
  unique?: boolean;
  /** Included in `?search=`. */
  search?: boolean;
  /** Offered to `?ordering=` (default: true for scalar fields). */
  order?: boolean;
  /** Offered as a filter (default: true where a lookup table exists). */
  filter?: boolean;
  description?: string;
}

export interface FieldDef<
  K extends FieldKind = FieldKind,
  TRead = z.ZodTypeAny,
  TWrite = z.ZodTypeAny | undefined,
  TScalar = unknown,
  TLookups extends Lookup = Lookup,
> {
  kind: K;
  read: TRead;
  write: TWrite;
  /** Scalar schema of a filter value, or undefined when the field cannot be filtered. */
  filterScalar: z.ZodTypeAny | undefined;
  lookups: readonly TLookups[];
  options: FieldOptions;
  required: boolean;
  nullable: boolean;
  orderable: boolean;
  searchable: boolean;
  /** Phantom: the TypeScript type of one filter value. */
  _scalar?: TScalar;
}

export interface ChoiceFieldDef<V extends string = string, TRead = z.ZodTypeAny, TWrite = z.ZodTypeAny>
  extends FieldDef<"choice", TRead, TWrite, V, (typeof CHOICE_LOOKUPS)[number]> {
  choices: ChoiceSet<V>;
}

/** Target of a relation: `app.resource`; `self` for a tree's parent. */
export type RelationTarget = string;

export interface RelationFieldDef<
  K extends "fk" | "m2m" = "fk" | "m2m",
  TRead = z.ZodTypeAny,
  TWrite = z.ZodTypeAny | undefined,
  By extends string = string,
> extends FieldDef<K, TRead, TWrite, number, (typeof RELATION_LOOKUPS)[number]> {
  target: RelationTarget;
  /** Target fields usable as `?<field>__<by>=` filters and ordering paths. */
  by: readonly By[];
  /** What happens to this row when the target is deleted. */
  onDelete: "protect" | "cascade" | "set_null";
}

export interface CountFieldDef
  extends FieldDef<"count", z.ZodNumber, undefined, number, (typeof ORDERED_LOOKUPS)[number]> {
  /** Rows of `resource` whose relation field `via` points at this object. */
  countOf: { resource: string; via: string };
}

function base<K extends FieldKind, TRead, TWrite, S, L extends Lookup>(
  kind: K,
  read: TRead,
  write: TWrite,
  filterScalar: z.ZodTypeAny | undefined,
  lookups: readonly L[],
  options: FieldOptions,
  orderableByDefault: boolean,
): FieldDef<K, TRead, TWrite, S, L> {
  // A write-only value (password, key) is never a filter, an ordering or a search term,
  // whatever else its declaration says: each would read it back one comparison at a time.
  const hidden = options.writeOnly === true;
  const filterable = !hidden && (options.filter ?? filterScalar !== undefined);
  return {
    kind,
    read,
    write: options.readOnly ? (undefined as TWrite) : write,
    filterScalar: filterable ? filterScalar : undefined,
    lookups: filterable ? lookups : [],
    options,
    required: options.required ?? false,
    nullable: options.nullable ?? false,
    orderable: !hidden && (options.order ?? orderableByDefault),
    searchable: !hidden && (options.search ?? false),
  };
}

type Nullable<T extends z.ZodTypeAny, O extends FieldOptions> = O extends { nullable: true } ? z.ZodNullable<T> : T;
const maybeNull = <T extends z.ZodTypeAny, O extends FieldOptions>(t: T, o: O) =>
  (o.nullable ? t.nullable() : t) as Nullable<T, O>;

type Req<O> = O extends { required: true } ? true : false;
/** A read-only field's write schema: undefined at run time (see `base`), and so in its type. */
type ReadOnlyNone<O, W> = O extends { readOnly: true } ? undefined : W;
/** The `by` attributes of a relation as literal names (`"name"` when not given), so `rack__nmae` fails to compile. */
type ByOf<O> = O extends { by: readonly (infer X extends string)[] } ? X : "name";
/** A read-only field has no write schema at run time (`base`); its type says so too, so write types leave it out. */
type Writable<O, D> = O extends { readOnly: true } ? Omit<D, "write"> & { write: undefined } : D;
/** A write-only field, as types: no read schema, no filter lookups (base() makes it so at run time). */
type WriteOnly<O> = O extends { writeOnly: true } ? { read: z.ZodNever; lookups: readonly never[] } : unknown;
/** Carries `required` (and read-only, write-only) as literal types so Create/Update schemas and filter types know them. */
const req = <O extends FieldOptions, D>(_o: O, d: D) => d as Writable<O, D> & { required: Req<O> } & WriteOnly<O>;

function lookupsFor<L extends Lookup>(lookups: readonly L[], o: FieldOptions): readonly L[] {
  return o.nullable ? lookups : lookups.filter((l) => l !== "isnull");
}

export interface StringOptions extends FieldOptions {
  max?: number;
  min?: number;
  pattern?: RegExp;
}

function stringSchema(o: StringOptions) {
  let s = z.string().trim();
  if (o.max !== undefined) s = s.max(o.max);
  if (o.min !== undefined) s = s.min(o.min);
  else if (o.required) s = s.min(1, "This field may not be blank.");
  if (o.pattern) s = s.regex(o.pattern, `Must match ${o.pattern.source}.`);
  return countingCodePoints(s);
}

/**
 * A writable free-form JSON object: JSON Schema's `{}` admits every value, so what the server
 * refuses at any depth (http/json-body.ts, for every body) and how it reads numbers are said here.
 */
const FREE_FORM_JSON = z
  .record(z.unknown())
  .describe(
    "Any JSON object. At any depth, a key or string with a NUL character or an unpaired UTF-16 surrogate is a 400 " +
      "(PostgreSQL cannot store either), and numbers are read as doubles: beyond ±1.7976931348623157e308 is a 400, " +
      "integers beyond 2^53 are rounded to the nearest double.",
  );

export const f = {
  string<const O extends StringOptions>(o: O = {} as O) {
    return req(
      o,
      base<
        "string",
        Nullable<z.ZodString, O>,
        Nullable<z.ZodEffects<z.ZodString>, O>,
        string,
        (typeof STRING_LOOKUPS)[number]
      >(
        "string",
        maybeNull(z.string(), o),
        maybeNull(stringSchema(o), o),
        z.string(),
        lookupsFor(STRING_LOOKUPS, o),
        o,
        true,
      ),
    );
  },
  /**
   * Secret accepted on writes and never read back (no read schema, no filter, no
   * ordering); the server stores only a hash or ciphertext of it.
   */
  password<const O extends FieldOptions & { min?: number; userValidators?: boolean }>(o: O = {} as O) {
    // `userValidators`: a user's sign-in password, checked by Django's validators (password-policy.ts).
    const write = o.userValidators
      ? userPassword()
      : z
          .string()
          .min(o.min ?? 1, `Must be at least ${o.min ?? 1} characters.`)
          .max(200);
    return req(
      o,
      base<"string", z.ZodNever, typeof write, never, never>(
        "string",
        z.never(),
        write,
        undefined,
        [],
        { ...o, writeOnly: true, order: false, filter: false },
        false,
      ),
    );
  },
  /** URL-safe identifier. */
  slug<const O extends StringOptions>(o: O = {} as O) {
    return f.string({ max: 100, pattern: /^[-a-zA-Z0-9_]+$/, ...o });
  },
  /** Long free text: searchable, not ordered, not filtered. */
  text<const O extends FieldOptions>(o: O = {} as O) {
    return req(
      o,
      base<"text", Nullable<z.ZodString, O>, Nullable<z.ZodString, O>, string, never>(
        "text",
        maybeNull(z.string(), o),
        maybeNull(z.string(), o),
        undefined,
        [],
        { default: o.nullable ? null : "", ...o },
        false,
      ),
    );
  },
  int<const O extends FieldOptions & { min?: number; max?: number }>(o: O = {} as O) {
    let w = z.number().int();
    w = w.min(o.min ?? -2147483648).max(o.max ?? 2147483647);
    return req(
      o,
      base<"int", Nullable<z.ZodNumber, O>, Nullable<z.ZodNumber, O>, number, (typeof ORDERED_LOOKUPS)[number]>(
        "int",
        maybeNull(z.number().int(), o),
        maybeNull(w, o),
        // Beyond 32 bits (AS numbers, stored as bigint) filters take the field's own range.
        (o.max ?? 0) > 2147483647 ? bigQueryInt(o.min, o.max!) : queryInt,
        lookupsFor(ORDERED_LOOKUPS, o),
        o,
        true,
      ),
    );
  },
  number<const O extends FieldOptions & { min?: number; max?: number }>(o: O = {} as O) {
    let w = z.number().finite();
    if (o.min !== undefined) w = w.min(o.min);
    if (o.max !== undefined) w = w.max(o.max);
    return req(
      o,
      base<"number", Nullable<z.ZodNumber, O>, Nullable<z.ZodNumber, O>, number, (typeof ORDERED_LOOKUPS)[number]>(
        "number",
        maybeNull(z.number(), o),
        maybeNull(w, o),
        queryNumber,
        lookupsFor(ORDERED_LOOKUPS, o),
        o,
        true,
      ),
    );
  },
  bool<const O extends FieldOptions>(o: O = {} as O) {
    return req(
      o,
      base<
        "bool",
        Nullable<z.ZodBoolean, O>,
        Nullable<z.ZodBoolean, O>,
        boolean | "true" | "false",
        (typeof BOOL_LOOKUPS)[number]
      >(
        "bool",
        maybeNull(z.boolean(), o),
        maybeNull(z.boolean(), o),
        queryBoolean,
        lookupsFor(BOOL_LOOKUPS, o),
        // Unknown (a BMC that does not say) is null, not false.
        { default: o.nullable ? null : false, ...o },
        true,
      ),
    );
  },
  date<const O extends FieldOptions>(o: O = {} as O) {
    return req(
      o,
      base<"date", Nullable<z.ZodString, O>, Nullable<z.ZodString, O>, string, (typeof ORDERED_LOOKUPS)[number]>(
        "date",
        maybeNull(z.string(), o),
        maybeNull(queryDate as unknown as z.ZodString, o),
        queryDate,
        lookupsFor(ORDERED_LOOKUPS, o),
        o,
        true,
      ),
    );
  },
  datetime<const O extends FieldOptions>(o: O = {} as O) {
    return req(
      o,
      base<"datetime", Nullable<z.ZodString, O>, Nullable<z.ZodString, O>, string, (typeof ORDERED_LOOKUPS)[number]>(
        "datetime",
        maybeNull(z.string().datetime({ offset: true }), o),
        maybeNull(z.string().datetime({ offset: true }), o),
        queryDateTime,
        lookupsFor(ORDERED_LOOKUPS, o),
        o,
        true,
      ),
    );
  },
  /** One IP address (`inet` without prefix), normalised; `family` restricts it to IPv4 or IPv6. */
  ip<const O extends FieldOptions & { family?: 4 | 6 }>(o: O = {} as O) {
    return netField("ip", ipSchema(o.family), o);
  },
  /** A network (`cidr`) as address/prefix; host bits right of the mask are refused. */
  cidr<const O extends FieldOptions>(o: O = {} as O) {
    return netField("cidr", cidrSchema(true), o);
  },
  /** A MAC address (`macaddr`), accepted in the usual notations, read as `aa:bb:cc:dd:ee:ff`. */
  mac<const O extends FieldOptions>(o: O = {} as O) {
    const write = macSchema as unknown as z.ZodString;
    return req(
      o,
      base<"mac", Nullable<z.ZodString, O>, Nullable<z.ZodString, O>, string, (typeof CHOICE_LOOKUPS)[number]>(
        "mac",
        maybeNull(z.string(), o),
        maybeNull(write, o),
        macSchema,
        lookupsFor(CHOICE_LOOKUPS, o),
        o,
        true,
      ),
    );
  },
  /** Free-form JSON object (config contexts, local_context_data); `schema` gives it a shape (a list of ports). */
  json<const O extends FieldOptions & { schema?: z.ZodTypeAny }>(o: O = {} as O) {
    type S = O extends { schema: infer X extends z.ZodTypeAny } ? X : z.ZodRecord<z.ZodString, z.ZodUnknown>;
    const obj = (o.schema ?? (o.readOnly ? z.record(z.unknown()) : FREE_FORM_JSON)) as z.ZodTypeAny;
    const shaped = maybeNull(obj, o) as Nullable<S, O>;
    return req(
      o,
      base<"json", Nullable<S, O>, Nullable<S, O>, never, never>("json", shaped, shaped, undefined, [], o, false),
    );
  },
  choice<V extends string, L extends string, const O extends FieldOptions>(choices: ChoiceSet<V, L>, o: O = {} as O) {
    const read = z.object({ value: z.enum(choices.values as [V, ...V[]]), label: z.string() });
    // Values and labels in any case (Ralph: "in use", "In use" and "in_use" are one choice).
    // Documented as the values' enum wherever a body is built from this schema rather than from
    // the field (an action's body derived from a resource's: `AllocateIp`), as resource bodies are.
    const write = documentAs(
      z
        .string({ invalid_type_error: `Must be one of: ${choices.values.join(", ")} (or their labels).` })
        .transform((v, ctx) => {
          const value = choices.toValue(v);
          if (value === undefined) {
            ctx.addIssue({
              code: "custom",
              message: `Must be one of: ${choices.values.join(", ")} (or their labels).`,
            });
            return z.NEVER;
          }
          return value;
        }),
      {
        type: "string",
        enum: [...choices.values],
        description: `${describeChoices(choices)}. ${CHOICE_WRITE_NOTE}`,
      },
    ) as unknown as z.ZodType<V, z.ZodTypeDef, V | string>;
    const def = base<"choice", z.ZodTypeAny, z.ZodTypeAny, V, (typeof CHOICE_LOOKUPS)[number]>(
      "choice",
      o.nullable ? read.nullable() : read,
      o.nullable ? write.nullable() : write,
      z.string().transform((v, ctx) => {
        const value = choices.toValue(v);
        if (value === undefined) {
          ctx.addIssue({
            code: "custom",
            message: `"${v}" is not a valid choice. Choices: ${choices.values.join(", ")}.`,
          });
          return z.NEVER;
        }
        return value;
      }),
      lookupsFor(CHOICE_LOOKUPS, o),
      o,
      true,
    );
    // Typed reads (`status.value` is the value union) and writes (a value or a label, as
    // declared; the server also takes them in any letter case) for the SDK and tests.
    type Read = z.ZodObject<{ value: z.ZodType<V>; label: z.ZodString }>;
    type Write = z.ZodType<V, z.ZodTypeDef, V | L>;
    return { ...def, choices } as unknown as ChoiceFieldDef<
      V,
      Nullable<Read, O>,
      ReadOnlyNone<O, Nullable<Write, O>>
    > & {
      required: Req<O>;
    };
  },
  /**
   * Foreign key. Reads as the target's nested brief object; writes take the id or
   * an object of attributes matching exactly one target row.
   */
  fk<
    const O extends FieldOptions & {
      by?: readonly string[];
      onDelete?: "protect" | "cascade" | "set_null";
    } = FieldOptions,
  >(target: RelationTarget, o: O = {} as O) {
    const write = z.union([objectId(), z.record(z.unknown())]);
    const def = base<
      "fk",
      Nullable<typeof NestedBase, O>,
      Nullable<typeof write, O>,
      number,
      (typeof RELATION_LOOKUPS)[number]
    >(
      "fk",
      maybeNull(NestedBase, o),
      maybeNull(write, o),
      queryInt.pipe(z.number().int()),
      lookupsFor(RELATION_LOOKUPS, o),
      { ...(o.nullable ? { default: null } : {}), ...o },
      false,
    );
    return {
      ...def,
      target,
      by: (o.by ?? ["name"]) as readonly ByOf<O>[],
      onDelete: o.onDelete ?? (o.nullable ? "set_null" : "protect"),
    } as RelationFieldDef<"fk", typeof def.read, ReadOnlyNone<O, typeof def.write>, ByOf<O>> & { required: Req<O> };
  },
  /** Many-to-many: reads as nested objects, writes as an array of ids (or attribute objects). */
  m2m<const O extends FieldOptions & { by?: readonly string[] } = FieldOptions>(
    target: RelationTarget,
    o: O = {} as O,
  ) {
    const write = z.array(z.union([objectId(), z.record(z.unknown())]));
    const def = base<"m2m", z.ZodArray<typeof NestedBase>, typeof write, number, (typeof RELATION_LOOKUPS)[number]>(
      "m2m",
      z.array(NestedBase),
      write,
      queryInt,
      ["exact", "n"],
      { default: [], ...o },
      false,
    );
    return {
      ...def,
      target,
      by: (o.by ?? ["name"]) as readonly ByOf<O>[],
      onDelete: "cascade" as const,
    } as RelationFieldDef<"m2m", typeof def.read, ReadOnlyNone<O, typeof def.write>, ByOf<O>>;
  },
  /** Read-only number of `resource` rows whose `via` relation points here. */
  count(resource: string, via: string, o: FieldOptions = {}): CountFieldDef {
    const def = base<"count", z.ZodNumber, undefined, number, (typeof ORDERED_LOOKUPS)[number]>(
      "count",
      z.number().int(),
      undefined,
      queryInt,
      ORDERED_LOOKUPS.filter((l) => l !== "isnull"),
      { ...o, readOnly: true, filter: o.filter ?? false },
      true,
    );
    return { ...def, countOf: { resource, via } };
  },
};

/** IP and CIDR fields share PostgreSQL's network lookups; exact values are normalised like writes. */
function netField<K extends "ip" | "cidr", const O extends FieldOptions>(kind: K, write: z.ZodTypeAny, o: O) {
  const w = write as unknown as z.ZodString;
  return req(
    o,
    base<K, Nullable<z.ZodString, O>, Nullable<z.ZodString, O>, string, (typeof NET_LOOKUPS)[number]>(
      kind,
      maybeNull(z.string(), o),
      maybeNull(w, o),
      kind === "ip" ? ipSchema() : cidrSchema(false),
      lookupsFor(NET_LOOKUPS, o),
      o,
      true,
    ),
  );
}

const bigQueryInt = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ invalid_type_error: "A whole number is required." })
    .int("A whole number is required.")
    .min(min)
    .max(max);

/** A set of choices: `value` stored, `{value,label}` read, value or label accepted. */
export interface ChoiceSet<V extends string = string, L extends string = string> {
  name: string;
  values: readonly V[];
  labels: Record<V, L>;
  toValue(input: string): V | undefined;
}

/** A choice set's values and labels as the document states them: "`in_use`: In use; …". */
export const describeChoices = (set: ChoiceSet): string =>
  set.values.map((v) => `\`${v}\`: ${set.labels[v]}`).join("; ");
/** What a written choice field takes besides its values. */
export const CHOICE_WRITE_NOTE = "The value; its label is accepted too.";

export function choices<const M extends Record<string, string>>(
  name: string,
  labels: M,
): ChoiceSet<keyof M & string, M[keyof M] & string> {
  type V = keyof M & string;
  const values = Object.keys(labels) as V[];
  const byLabel = new Map<string, V>();
  for (const v of values) {
    byLabel.set(v.toLowerCase(), v);
    byLabel.set(String(labels[v]).toLowerCase(), v);
  }
  return {
    name,
    values,
    labels: labels as unknown as Record<V, M[keyof M] & string>,
    toValue: (input) => byLabel.get(String(input).trim().toLowerCase()),
  };
}

export type AnyField = FieldDef | ChoiceFieldDef | RelationFieldDef | CountFieldDef;
export type Fields = Record<string, AnyField>;

export const isRelation = (fd: AnyField): fd is RelationFieldDef => fd.kind === "fk" || fd.kind === "m2m";
export const isChoice = (fd: AnyField): fd is ChoiceFieldDef => fd.kind === "choice";
export const isCount = (fd: AnyField): fd is CountFieldDef => fd.kind === "count";

/** Default value of an optional field omitted on create or PUT. */
export function defaultOf(fd: AnyField): unknown {
  if ("default" in fd.options) return fd.options.default;
  if (fd.nullable) return null;
  if (fd.kind === "string") return "";
  return undefined;
}
