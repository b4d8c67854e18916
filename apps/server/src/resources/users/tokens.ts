import { type FieldErrors, resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { eq, sql } from "drizzle-orm";
import { hashKey, newTokenKey, prefixOf } from "../../auth/secrets";
import { badRequest, conflict, defineBinding, type RequestContext, type WriteCheck } from "../../framework";
import { tokenAccess } from "../rules/access";

/** Keys of a create request, in item order: the ones sent (restored tokens) or generated, until the response is built. */
const newKeys = new WeakMap<RequestContext, (string | undefined)[]>();
/** How many of them `derive` has consumed. */
const used = new WeakMap<RequestContext, number>();

/** Takes the `key` sent with each item out of the body (it is not a column), remembering it for `derive`. */
export function takeKeys(ctx: RequestContext, items: Record<string, unknown>[]) {
  newKeys.set(
    ctx,
    items.map((it) => {
      const k = it.key;
      delete it.key;
      return typeof k === "string" ? k : undefined;
    }),
  );
  used.set(ctx, 0);
}

/**
 * API tokens. The key is generated here (or, on create, taken from the body to
 * restore a token), stored only as prefix + SHA-256, and put into the create
 * response once. A non-superuser sees, creates and changes only their own
 * tokens (access rule `tokenAccess`: others' tokens are 404).
 */
export const tokens = defineBinding(resources.users.tokens, schema.tokens, {
  access: tokenAccess,
  derive: [keyOfNewToken],
  validate: [ownTokenWithFreeKey],
  // Create answers with the new keys; a key is fixed at creation, so sending one on an update is refused.
  overrides: (_deps, standard) => ({
    create: async (input) => {
      takeKeys(input.ctx, [input.body]);
      const r = await standard.create(input);
      return { ...r, body: withKeys(input.ctx, rowsIn(r.body))[0] };
    },
    bulkCreate: async (input) => {
      takeKeys(input.ctx, input.body);
      const r = await standard.bulkCreate(input);
      return { ...r, body: withKeys(input.ctx, rowsIn(r.body)) };
    },
    update: noKey(standard.update),
    partialUpdate: noKey(standard.partialUpdate),
    bulkUpdate: noKey(standard.bulkUpdate),
    bulkPartialUpdate: noKey(standard.bulkPartialUpdate),
  }),
});

function keyOfNewToken({ values, existing, ctx }: WriteCheck) {
  if (existing) return {};
  const keys = newKeys.get(ctx) ?? [];
  const i = used.get(ctx) ?? keys.length;
  const key = keys[i] ?? newTokenKey();
  keys[i] = key;
  newKeys.set(ctx, keys);
  used.set(ctx, i + 1);
  return { prefix: prefixOf(key), key_hash: hashKey(key), user_id: values.user_id ?? ctx.user?.id };
}

async function ownTokenWithFreeKey({ tx, values, existing, ctx }: WriteCheck): Promise<FieldErrors | undefined> {
  if (values.user_id === undefined || values.user_id === null)
    return { user: ["Required when the request is not made by a user."] };
  if (ctx.user && !ctx.user.isSuperuser && values.user_id !== ctx.user.id)
    return { user: ["You can only manage your own tokens."] };
  if (!existing) {
    const taken = await tx
      .select({ one: sql`1` })
      .from(schema.tokens)
      .where(eq(schema.tokens.key_hash, String(values.key_hash)))
      .limit(1);
    if (taken.length) throw conflict("A token with this key already exists.");
  }
  return undefined;
}

const isRow = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
/** The created objects in a create response's body (one, or a bulk list). */
const rowsIn = (body: unknown) => (Array.isArray(body) ? body : [body]).filter(isRow);

function withKeys(ctx: RequestContext, rows: Record<string, unknown>[]) {
  const keys = newKeys.get(ctx) ?? [];
  newKeys.delete(ctx);
  used.delete(ctx);
  return rows.map((r, i) => ({ ...r, key: keys[i] ?? null }));
}

interface KeyedItem {
  key?: string | null;
}

/** Refuses (400) an update that sends a key, item by item; passes the others on without it. */
const noKey =
  <I extends { body: KeyedItem | KeyedItem[] }, O>(h: (input: I) => Promise<O>) =>
  (input: I): Promise<O> => {
    const items = Array.isArray(input.body) ? input.body : [input.body];
    const errors = items.map(
      (it): FieldErrors =>
        it.key !== undefined && it.key !== null ? { key: ["A token's key cannot be changed."] } : {},
    );
    if (errors.some((e) => "key" in e)) throw badRequest(Array.isArray(input.body) ? errors : errors[0]!);
    for (const it of items) delete it.key;
    return h(input);
  };
