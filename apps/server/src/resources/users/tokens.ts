import type { FieldErrors } from "@rackplane/contract";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { hashKey, newTokenKey, prefixOf } from "../../auth/secrets";
import type { BindingOptions } from "../../framework/binding";
import type { RequestContext } from "../../framework/context";
import { badRequest, conflict } from "../../framework/errors";
import { resourceHandlers } from "../../framework/handlers";
import { col } from "../../framework/sql";
import type { Handler } from "../../http/handler";

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
export const tokenBinding: BindingOptions = {
  derive: ({ values, existing, ctx }) => {
    if (existing) return {};
    const keys = newKeys.get(ctx) ?? [];
    const i = used.get(ctx) ?? keys.length;
    const key = keys[i] ?? newTokenKey();
    keys[i] = key;
    newKeys.set(ctx, keys);
    used.set(ctx, i + 1);
    return { prefix: prefixOf(key), key_hash: hashKey(key), user_id: values.user_id ?? ctx.user?.id };
  },
  validate: async ({ tx, values, existing, ctx }) => {
    if (values.user_id === undefined || values.user_id === null)
      return { user: ["Required when the request is not made by a user."] };
    if (ctx.user && !ctx.user.isSuperuser && values.user_id !== ctx.user.id)
      return { user: ["You can only manage your own tokens."] };
    if (!existing) {
      const taken = rowsOf(await tx.execute(sql`SELECT 1 FROM tokens WHERE key_hash = ${values.key_hash} LIMIT 1`));
      if (taken.length) throw conflict("A token with this key already exists.");
    }
    return undefined;
  },
  actions: (svc, b) => {
    const std = resourceHandlers({ ...b, actions: undefined }, svc);
    const withKeys = (ctx: RequestContext, rows: Record<string, unknown>[]) => {
      const keys = newKeys.get(ctx) ?? [];
      newKeys.delete(ctx);
      used.delete(ctx);
      return rows.map((r, i) => ({ ...r, key: keys[i] ?? null }));
    };
    // A key is fixed at creation: sending another one on an update is refused, not ignored.
    const noKey =
      (h: Handler): Handler =>
      (input) => {
        const items = (Array.isArray(input.body) ? input.body : [input.body]) as Record<string, unknown>[];
        const errors: FieldErrors[] = items.map((it) =>
          it.key !== undefined && it.key !== null ? { key: ["A token's key cannot be changed."] } : ({} as FieldErrors),
        );
        if (errors.some((e) => "key" in e)) throw badRequest(Array.isArray(input.body) ? errors : errors[0]!);
        for (const it of items) delete it.key;
        return h(input);
      };
    return {
      create: async (input) => {
        takeKeys(input.ctx, [input.body as Record<string, unknown>]);
        const r = await std.create!(input);
        return { ...r, body: withKeys(input.ctx, [r.body as Record<string, unknown>])[0] };
      },
      bulkCreate: async (input) => {
        takeKeys(input.ctx, input.body as Record<string, unknown>[]);
        const r = await std.bulkCreate!(input);
        return { ...r, body: withKeys(input.ctx, r.body as Record<string, unknown>[]) };
      },
      update: noKey(std.update!),
      partialUpdate: noKey(std.partialUpdate!),
      bulkUpdate: noKey(std.bulkUpdate!),
      bulkPartialUpdate: noKey(std.bulkPartialUpdate!),
    };
  },
};
