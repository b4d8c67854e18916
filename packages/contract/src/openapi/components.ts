import { type AnyField, type ChoiceSet, isChoice, isRelation } from "../common/fields";
import type { AnyResource } from "../common/resource";
import { ErrorDetail, FieldErrors, IdOnly, NestedBase, ValidationError } from "../common/schemas";
import { TransitionBody, TransitionInfo, TransitionList } from "../common/workflow";
import { ApiIndexEntry } from "../system";
import { type JsonSchema, nullable, type SchemaRegistry } from "./json-schema";

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
  reg.name(FieldErrors, "FieldErrors");
  reg.name(IdOnly, "BulkDeleteItem");
  reg.name(NestedBase, "NestedObject");
  reg.name(TransitionBody, "TransitionRequest");
  reg.name(TransitionInfo, "Transition");
  reg.name(TransitionList, "TransitionList");
  reg.name(ApiIndexEntry, "ApiIndexEntry"); // the API index and every per-app root
  // The shared error responses refer to these two.
  reg.refTo("Error");
  reg.refTo("ValidationError");
}

const OBJECT_REFERENCE: JsonSchema = {
  description:
    "A related object: its id, or an object of attributes that identifies exactly one target " +
    '(`{"name": "R204", "server_room": {"name": "DC6-1"}}`).',
  anyOf: [
    { type: "integer", minimum: 1 },
    { type: "object", additionalProperties: true },
  ],
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
      Sparse: [`${m}Sparse`, () => this.sparse(r)],
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
    return { type: "object", description: r.description, properties, required: Object.keys(properties) };
  }

  /** What `?fields=` / `?exclude=` return: any subset of the fields, always with id, url and display. */
  private sparse(r: AnyResource): JsonSchema {
    const full = this.read(r);
    return {
      ...full,
      description: `${r.model} restricted by \`?fields=\` or \`?exclude=\`.`,
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
      properties.id = { type: "integer", minimum: 1, description: "Which object to change." };
      required.push("id");
    }
    for (const [name, fd] of Object.entries(r.fields)) {
      if (!fd.write) continue;
      const s = this.writeField(fd);
      if (mode !== "patch" && mode !== "bulkPatch") {
        if (fd.required) required.push(name);
        else if (fd.options.default !== undefined && !s.$ref) s.default = fd.options.default;
      }
      properties[name] = s;
    }
    const what = {
      create: `Body of a create (POST) or full replace (PUT) of one ${r.model}: required fields must be sent, omitted optional fields take their defaults.`,
      patch: `Body of a partial update (PATCH) of one ${r.model}: only the fields sent change.`,
      bulkUpdate: `One item of a bulk replace (PUT on the list): a full ${r.model} body plus its id.`,
      bulkPatch: `One item of a bulk partial update (PATCH on the list): the fields to change plus the id.`,
    }[mode];
    const out: JsonSchema = { type: "object", description: what, properties, additionalProperties: false };
    if (required.length) out.required = required;
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
          description: "Full objects, or brief ones with `?brief=1`.",
          items: {
            anyOf: [this.reg.refTo(r.model), this.reg.refTo(`${r.model}Brief`), this.reg.refTo(`${r.model}Sparse`)],
          },
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
      description: set.values.map((v) => `\`${v}\`: ${set.labels[v]}`).join("; "),
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

  writeField(fd: AnyField): JsonSchema {
    let s: JsonSchema;
    if (isChoice(fd)) {
      s = { ...this.choiceEnum(fd.choices), description: "The value; its label is accepted too." };
    } else if (isRelation(fd)) {
      const ref = this.reg.define("ObjectReference", () => OBJECT_REFERENCE);
      s = fd.kind === "fk" ? ref : { type: "array", items: ref };
    } else s = this.reg.convert(fd.write as never);
    if (fd.nullable && fd.kind !== "m2m" && !isNullable(s)) s = nullable(s);
    if (fd.options.writeOnly) s = { ...s, writeOnly: true };
    return withMeta(s, fd);
  }
}

function isNullable(s: JsonSchema): boolean {
  return (
    (Array.isArray(s.type) && s.type.includes("null")) ||
    (Array.isArray(s.anyOf) && s.anyOf.some((x) => (x as JsonSchema).type === "null"))
  );
}

function withMeta(s: JsonSchema, fd: AnyField): JsonSchema {
  return fd.options.description ? { ...s, description: fd.options.description } : s;
}
