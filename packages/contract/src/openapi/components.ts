import { z } from "zod";
import {
  type AnyField,
  CHOICE_WRITE_NOTE,
  type ChoiceSet,
  describeChoices,
  isChoice,
  isRelation,
} from "../common/fields";
import { lookupAttributes, targetKey } from "../common/lookup-attributes";
import type { AnyResource } from "../common/resource";
import { ErrorDetail, FieldErrors, IdOnly, NestedBase, ValidationError } from "../common/schemas";
import { TransitionBody, TransitionInfo, TransitionList } from "../common/workflow";
import { aliasDoc, aliasedFieldDoc, aliasesByField } from "../common/write-aliases";
import { ApiIndexEntry } from "../system";
import { type JsonSchema, NO_NUL_PATTERN, nullable, type SchemaRegistry } from "./json-schema";

/**
 * Named schema components. Resource schemas are built from the field declarations
 * (not from the generated zod objects) so that choices become named enums
 * (`ServerStatus`), relations refer to the target's brief (`RackBrief`) and every
 * resource gets the same family: `Server`, `ServerBrief`, `ServerCreate`,
 * `ServerPatch`, `ServerBulkUpdateItem`, `ServerBulkPatchItem`, `PaginatedServerList`.
 */
export function registerShared(reg: SchemaRegistry): void {
  reg.name(ErrorDetail, "Error");
  reg.name(ValidationError, "ValidationError");
  reg.builder("ValidationError", () => VALIDATION_ERROR);
  reg.builder("BulkValidationError", () => BULK_VALIDATION_ERROR);
  reg.builder("ObjectAttributes", () => OBJECT_ATTRIBUTES);
  reg.builder("ObjectReference", () => {
    reg.refTo("ObjectAttributes");
    return OBJECT_REFERENCE;
  });
  // Its own component, not `$defs` of `ObjectReference`: openapi-typescript reads `$defs` as a
  // property of the type it sits in. Generators emit nothing (or an unused type) for it.
  reg.builder("ReferenceAttributes", () => ({
    description:
      "The attributes each relation's target is resolved by, one `$defs` entry per model; referred to " +
      "(`if` an object, `then` …) beside each `ObjectReference`.",
    $defs: {}, // filled as relations are documented
  }));
  reg.name(FieldErrors, "FieldErrors");
  // One item's errors in a bulk 404/409 (`Error.items`): the same open object, not the recursive union.
  reg.builder("FieldErrors", () => ({
    ...VALIDATION_ERROR,
    description: "One item's errors, shaped like `ValidationError` (`{}` for an item that was fine).",
  }));
  reg.name(IdOnly, "BulkDeleteItem");
  reg.name(NestedBase, "NestedObject");
  reg.name(TransitionBody, "TransitionRequest");
  reg.name(TransitionInfo, "Transition");
  reg.name(TransitionList, "TransitionList");
  reg.name(ApiIndexEntry, "ApiIndexEntry"); // the API index and every per-app root
  // The shared error responses refer to these two.
  reg.refTo("Error");
  reg.refTo("ValidationError");
  reg.refTo("BulkValidationError");
}

/**
 * A 400 body. Its values are lists of messages, or (for a nested object or list) error
 * objects of the same shape; documented as an object with open values rather than the
 * contract's recursive union, which generators (Java's above all) cannot compile.
 */
const VALIDATION_ERROR: JsonSchema = {
  type: "object",
  description:
    "Field name → list of messages; a nested object's errors are an object of the same shape, a list's a list of them. " +
    '`non_field_errors` holds what concerns no single field, `detail` a body that is not JSON. Example: `{"position": ["Must be 1 or more."]}`.',
  properties: {
    non_field_errors: { type: "array", items: { type: "string" } },
    detail: { type: "string" },
  },
  additionalProperties: true,
};

/** A bulk 400: an array (one object per item) or one object; no `type`, so generators emit a plain value. */
const BULK_VALIDATION_ERROR: JsonSchema = {
  description:
    "An array with one `ValidationError` object per item, in body order (`{}` for the valid ones), or one `ValidationError` object when the body as a whole is refused.",
  examples: [[{}, { name: ["This field is required."] }]],
};

/**
 * A related object in a write: its id or its attributes. `oneOf` of two disjoint types,
 * the object a named schema, so every generator emits one small wrapper type
 * (`ObjectReference`) and no inline union.
 */
const OBJECT_REFERENCE: JsonSchema = {
  description:
    "A related object: its id, or an object of attributes that identifies exactly one target " +
    '(`{"name": "R204", "server_room": {"name": "DC6-1"}}`).',
  // Ids are PostgreSQL integers: 1 to 2^31 - 1.
  oneOf: [{ type: "integer", minimum: 1, maximum: 2147483647 }, { $ref: "#/components/schemas/ObjectAttributes" }],
};

const OBJECT_ATTRIBUTES: JsonSchema = {
  type: "object",
  description:
    'Attributes of exactly one related object, e.g. `{"name": "R204"}`; a related object of the target is itself given by id or attributes.',
  properties: { name: { type: "string", description: "The most common identifying attribute." } },
  additionalProperties: true,
  minProperties: 1,
};

export class ResourceComponents {
  constructor(
    private readonly reg: SchemaRegistry,
    private readonly byKey: Map<string, AnyResource>,
  ) {}

  /** Names the resource's zod schemas so routes that use them resolve to the components. */
  register(r: AnyResource): void {
    const m = r.model;
    const names: Record<string, [string, () => JsonSchema]> = {
      Read: [m, () => this.read(r)],
      Brief: [`${m}Brief`, () => this.brief(r)],
      Create: [`${m}Create`, () => this.write(r, "create")],
      Update: [`${m}Create`, () => this.write(r, "create")],
      Patch: [`${m}Patch`, () => this.write(r, "patch")],
      BulkUpdateItem: [`${m}BulkUpdateItem`, () => this.write(r, "bulkUpdate")],
      BulkPatchItem: [`${m}BulkPatchItem`, () => this.write(r, "bulkPatch")],
      Paginated: [`Paginated${m}List`, () => this.paginated(r)],
    };
    for (const [key, [name, build]] of Object.entries(names)) {
      const schema = r.schemas[key];
      if (!schema) continue;
      this.reg.name(schema, name);
      this.reg.builder(name, build);
    }
    // `?fields=`/`?exclude=` responses are the model with fewer properties: the model is
    // documented with only id, url and display required, so one schema describes both.
    // A relation's zod write schema (`id | attributes`), wherever a contract schema reuses
    // it (action bodies derived from `Patch`), is the one `ObjectReference`.
    for (const fd of Object.values(r.fields) as AnyField[]) {
      if (!isRelation(fd) || !fd.write) continue;
      const w = fd.write as z.ZodTypeAny;
      const one = w instanceof z.ZodArray ? w.element : w instanceof z.ZodNullable ? w.unwrap() : w;
      this.reg.name(one, "ObjectReference");
    }
    const sparse = r.schemas.Sparse;
    if (sparse) this.reg.name(sparse, m);
    const retrieved = (r.routes as Record<string, { responses?: Record<number, unknown> }>).retrieve?.responses?.[200];
    if (retrieved instanceof z.ZodType) this.reg.name(retrieved, m);
  }

  private read(r: AnyResource): JsonSchema {
    const properties: Record<string, JsonSchema> = {
      id: { type: "integer", readOnly: true },
      url: { type: "string", format: "uri", readOnly: true },
      display: { type: "string", readOnly: true },
    };
    for (const [name, fd] of Object.entries(r.fields)) {
      if (fd.options.writeOnly) continue;
      properties[name] = this.readField(fd);
    }
    return {
      type: "object",
      description: `${r.description}\n\nA read returns every property; with \`?brief=1\` only those of \`${r.model}Brief\`, with \`?fields=\`/\`?exclude=\` the ones chosen. So only \`id\`, \`url\` and \`display\` are always present.`,
      properties,
      required: ["id", "url", "display"],
    };
  }

  private brief(r: AnyResource): JsonSchema {
    const properties: Record<string, JsonSchema> = {
      id: { type: "integer" },
      url: { type: "string", format: "uri" },
      display: { type: "string" },
    };
    for (const name of r.brief) properties[name] = this.readField(r.fields[name]!);
    return {
      type: "object",
      description: `${r.model} in brief: nested in related objects and returned with \`?brief=1\`.`,
      properties,
      required: Object.keys(properties),
    };
  }

  private write(r: AnyResource, mode: "create" | "patch" | "bulkUpdate" | "bulkPatch"): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    if (mode === "bulkUpdate" || mode === "bulkPatch") {
      properties.id = { ...ID, description: "Which object to change." };
      required.push("id");
    }
    const aliases = aliasesByField(r.writeAliases);
    // A required field that has aliases: required when none of its aliases is sent.
    const requiredUnlessAliased: JsonSchema[] = [];
    for (const [name, fd] of Object.entries(r.fields)) {
      if (!fd.write) continue;
      let s = this.writeField(fd, r);
      const mine = aliases.get(name);
      if (mode !== "patch" && mode !== "bulkPatch") {
        // An aliased field may come under its alias instead: not `required`, the rule said in words.
        if (mine) {
          s = { ...s, description: [s.description, aliasedFieldDoc(name, mine)].filter(Boolean).join(" ") };
          if (fd.required) {
            const sent = mine.map((alias) => ({ required: [alias] }));
            requiredUnlessAliased.push({
              if: { not: sent.length === 1 ? sent[0] : { anyOf: sent } },
              // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `if`/`then`, a plain object never awaited.
              then: { required: [name] },
            });
          }
        } else if (fd.required) required.push(name);
        else if (fd.options.default !== undefined && !s.$ref) s.default = fd.options.default;
      }
      properties[name] = s;
      for (const alias of mine ?? []) {
        const { description: _, ...type } = this.writeField(fd, r);
        properties[alias] = { ...type, writeOnly: true, description: aliasDoc(alias, name) };
      }
    }
    const what = {
      create: `Body of a create (POST) or full replace (PUT) of one ${r.model}: required fields must be sent, omitted optional fields take their defaults.`,
      patch: `Body of a partial update (PATCH) of one ${r.model}: only the fields sent change.`,
      bulkUpdate: `One item of a bulk replace (PUT on the list): a full ${r.model} body plus its id.`,
      bulkPatch: `One item of a bulk partial update (PATCH on the list): the fields to change plus the id.`,
    }[mode];
    const out: JsonSchema = { type: "object", description: what, properties, additionalProperties: false };
    if (required.length) out.required = required;
    if (requiredUnlessAliased.length === 1) Object.assign(out, requiredUnlessAliased[0]);
    else if (requiredUnlessAliased.length) out.allOf = requiredUnlessAliased;
    return out;
  }

  private paginated(r: AnyResource): JsonSchema {
    return {
      type: "object",
      description: `One page of ${r.name.replace(/-/g, " ")}; \`next\`/\`previous\` are absolute URLs or null.`,
      properties: {
        count: { type: "integer", description: "Objects matching the filters, over all pages." },
        next: { type: ["string", "null"], format: "uri" },
        previous: { type: ["string", "null"], format: "uri" },
        results: {
          type: "array",
          description: `Full objects; with \`?brief=1\` the properties of \`${r.model}Brief\` only, with \`?fields=\`/\`?exclude=\` the ones chosen.`,
          items: this.reg.refTo(r.model),
        },
      },
      required: ["count", "next", "previous", "results"],
    };
  }

  /** The enum of a choice set's values, named after the set (`ServerStatus`). */
  choiceEnum(set: ChoiceSet): JsonSchema {
    return this.reg.define(set.name, () => ({
      type: "string",
      enum: [...set.values],
      description: describeChoices(set),
    }));
  }

  /** How a choice reads: `{"value": "in_use", "label": "In use"}` (`ServerStatusChoice`). */
  private choiceRead(set: ChoiceSet): JsonSchema {
    const value = this.choiceEnum(set);
    return this.reg.define(`${set.name}Choice`, () => ({
      type: "object",
      properties: { value, label: { type: "string" } },
      required: ["value", "label"],
    }));
  }

  /** The brief of a relation's target (`RackBrief`), or a generic nested object. */
  private relatedBrief(target: string): JsonSchema {
    const r = this.byKey.get(target);
    if (!r) return this.reg.convert(NestedBase);
    this.register(r);
    return this.reg.refTo(`${r.model}Brief`);
  }

  readField(fd: AnyField): JsonSchema {
    let s: JsonSchema;
    if (isChoice(fd)) s = this.choiceRead(fd.choices);
    else if (isRelation(fd) && fd.kind === "fk") s = this.relatedBrief(fd.target);
    else if (isRelation(fd)) return withMeta({ type: "array", items: this.relatedBrief(fd.target) }, fd);
    else s = this.reg.convert(fd.read as never); // already nullable where the field is
    if (fd.nullable && (isChoice(fd) || fd.kind === "fk")) s = nullable(s);
    s = withMeta(s, fd);
    if (!fd.write && !s.$ref && !s.anyOf) s.readOnly = true;
    return s;
  }

  writeField(fd: AnyField, owner: AnyResource): JsonSchema {
    let s: JsonSchema;
    if (isChoice(fd)) {
      s = { ...this.choiceEnum(fd.choices), description: CHOICE_WRITE_NOTE };
    } else if (isRelation(fd)) {
      const ref = this.reference(this.byKey.get(targetKey(owner, fd.target)));
      s = fd.kind === "fk" ? ref : { type: "array", items: ref };
    } else s = this.reg.convert(fd.write as never);
    if (fd.nullable && fd.kind !== "m2m" && !isNullable(s)) s = nullable(s);
    if (fd.options.writeOnly) s = { ...s, writeOnly: true };
    return withMeta(s, fd);
  }

  /**
   * `ObjectReference` at a relation to `target`, and (`if` an object, `then`) the attributes
   * the server resolves that target by (`lookupAttributes`), each typed as the server compares
   * it. `if`/`then` beside the `$ref`: validators and fuzzers apply them, while generators keep
   * the one `ObjectReference` type (they ignore both keywords).
   */
  private reference(target: AnyResource | undefined): JsonSchema {
    const ref = this.reg.refTo("ObjectReference");
    if (!target) return ref;
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `if`/`then`, a plain object never awaited.
    return { ...ref, if: { type: "object" }, then: this.attributes(target) };
  }

  /** `#/components/schemas/ReferenceAttributes/$defs/<Model>`: the attributes that name one `<Model>`. */
  private attributes(r: AnyResource): JsonSchema {
    const ref = { $ref: `#/components/schemas/ReferenceAttributes/$defs/${r.model}` };
    this.reg.refTo("ReferenceAttributes");
    const defs = this.reg.components.ReferenceAttributes!.$defs as Record<string, JsonSchema>;
    if (r.model in defs) return ref;
    defs[r.model] = {}; // placeholder first: a pool's `parent` is a pool
    const properties: Record<string, JsonSchema> = {};
    for (const name of lookupAttributes(r)) {
      const fd = r.fields[name];
      if (name === "id" || !fd) properties[name] = { ...ID };
      else if (isRelation(fd)) {
        properties[name] = {
          anyOf: [{ type: "null" }, { ...ID }, this.attributes(this.byKey.get(targetKey(r, fd.target))!)],
        };
      } else if (fd.kind === "string" || fd.kind === "text")
        properties[name] = { type: ["string", "null"], pattern: NO_NUL_PATTERN };
      // Any other attribute is compared as text: any plain value may be given, none matches when it is not one.
      else properties[name] = { type: ["string", "number", "boolean", "null"], pattern: NO_NUL_PATTERN };
    }
    defs[r.model] = {
      type: "object",
      description: `Attributes that name exactly one ${r.model}.`,
      properties,
      additionalProperties: false,
      minProperties: 1,
    };
    return ref;
  }
}

/** An object's id: a PostgreSQL integer, 1 to 2^31 - 1. */
const ID: JsonSchema = { type: "integer", minimum: 1, maximum: 2147483647 };

function isNullable(s: JsonSchema): boolean {
  return (
    (Array.isArray(s.type) && s.type.includes("null")) ||
    (Array.isArray(s.anyOf) && s.anyOf.some((x) => (x as JsonSchema).type === "null"))
  );
}

function withMeta(s: JsonSchema, fd: AnyField): JsonSchema {
  return fd.options.description ? { ...s, description: fd.options.description } : s;
}
