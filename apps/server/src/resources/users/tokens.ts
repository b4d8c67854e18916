import { hashKey, newTokenKey, prefixOf } from "../../auth/secrets";
import type { BindingOptions } from "../../framework/binding";
import type { RequestContext } from "../../framework/context";
import { resourceHandlers } from "../../framework/handlers";

/** Keys generated during a create request, in item order, until the response is built. */
const newKeys = new WeakMap<RequestContext, string[]>();

/**
 * API tokens. The key is generated here, stored only as prefix + SHA-256, and
 * put into the create response once. A non-superuser sees, creates and changes
 * only their own tokens (access rule `tokenAccess`: others' tokens are 404).
 */
export const tokenBinding: BindingOptions = {
  derive: ({ values, existing, ctx }) => {
    if (existing) return {};
    const key = newTokenKey();
    const keys = newKeys.get(ctx) ?? [];
    keys.push(key);
    newKeys.set(ctx, keys);
    return { prefix: prefixOf(key), key_hash: hashKey(key), user_id: values.user_id ?? ctx.user?.id };
  },
  validate: ({ values, ctx }) => {
    if (values.user_id === undefined || values.user_id === null)
      return { user: ["Required when the request is not made by a user."] };
    if (ctx.user && !ctx.user.isSuperuser && values.user_id !== ctx.user.id)
      return { user: ["You can only manage your own tokens."] };
    return undefined;
  },
  actions: (svc, b) => {
    const std = resourceHandlers({ ...b, actions: undefined }, svc);
    const withKeys = (ctx: RequestContext, rows: Record<string, unknown>[]) => {
      const keys = newKeys.get(ctx) ?? [];
      newKeys.delete(ctx);
      return rows.map((r, i) => ({ ...r, key: keys[i] ?? null }));
    };
    return {
      create: async (input) => {
        const r = await std.create!(input);
        return { ...r, body: withKeys(input.ctx, [r.body as Record<string, unknown>])[0] };
      },
      bulkCreate: async (input) => {
        const r = await std.bulkCreate!(input);
        return { ...r, body: withKeys(input.ctx, r.body as Record<string, unknown>[]) };
      },
    };
  },
};
