import { z } from "zod";

/**
 * Write aliases: other names a write body may use for a field (`url` for a
 * forwarding's `payload_url`, as Ralph LRS's configuration spells it), declared
 * once on `defineResource` (`writeAliases: { url: "payload_url" }`). The write
 * schemas fold an alias into its field before validating, so the server, the
 * OpenAPI document and the SDK types all read the same declaration.
 */
export type WriteAliases = Record<string, string>;

export type AliasesOf<O> = O extends { writeAliases: infer A extends WriteAliases } ? A : {};

type Unoptional<T> = T extends z.ZodOptional<infer I> ? I : T;

/** A write shape with its aliases: the alias and its field both optional (either names the value). */
export type WithAliases<S extends z.ZodRawShape, A extends WriteAliases> = {
  [K in keyof S as K extends A[keyof A] ? never : K]: S[K];
} & { [K in A[keyof A] & keyof S]: z.ZodOptional<Unoptional<S[K]>> } & {
  [K in keyof A]: z.ZodOptional<Unoptional<S[A[K] & keyof S]>>;
};

/** A strict write object, or — with aliases — the same object behind the folding step. */
export type AliasedWrite<S extends z.ZodRawShape, A extends WriteAliases> = [keyof A] extends [never]
  ? z.ZodObject<S, "strict">
  : z.ZodEffects<z.ZodObject<WithAliases<S, A>, "strict">>;

/**
 * The fold. Before the object is validated (so its own errors, "This field is
 * required." on the field among them, come in the same 400): an alias sent alone
 * becomes its field; sent with the field and the same value it is dropped; with a
 * different value it is an error on the alias. `schema` has the alias keys too
 * (optional), so the SDK and the document list them; after the fold they never
 * carry a value.
 */
export function aliased(schema: z.AnyZodObject, aliases: WriteAliases, path: string): z.ZodTypeAny {
  const pairs = Object.entries(aliases);
  if (!pairs.length) return schema;
  const address = new RegExp(`^https?://[^/]+${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\d+/$`);
  return z.preprocess((raw, ctx) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
    const body: Record<string, unknown> = { ...raw };
    for (const [alias, field] of pairs) {
      if (!(alias in body)) continue;
      const value = body[alias];
      delete body[alias];
      // `url` is every object's address too: a representation sent back (read, changed, PUT)
      // carries it, and that value (this resource's detail URL) is the read-only field, ignored.
      if (alias === "url" && typeof value === "string" && address.test(value)) continue;
      if (!(field in body)) body[field] = value;
      else if (body[field] !== value)
        ctx.addIssue({ code: "custom", path: [alias], message: conflictMessage(alias, field) });
    }
    return body;
  }, schema);
}

const conflictMessage = (alias: string, field: string) =>
  `${alias} is another name for ${field}, which has a different value here: send one of them, or both with the same value.`;

/** What the document and the SDK say of an alias. */
export const aliasDoc = (alias: string, field: string) =>
  `Write-only alias of \`${field}\`: send either; both must carry the same value (else a 400 on \`${alias}\`). Reads return \`${field}\`.` +
  (alias === "url"
    ? " A value that is an address of this resource's objects (a representation sent back) is ignored."
    : "");

/** What they add to the aliased field: why it is not marked required. */
export const aliasedFieldDoc = (field: string, aliases: string[]) =>
  `Required on create and PUT unless given as ${aliases.map((a) => `\`${a}\``).join(" or ")} (a missing value is a 400 on \`${field}\`).`;

/** Aliases of each field of a resource, `{ payload_url: ["url"] }`. */
export function aliasesByField(aliases: WriteAliases): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [alias, field] of Object.entries(aliases)) out.set(field, [...(out.get(field) ?? []), alias]);
  return out;
}
