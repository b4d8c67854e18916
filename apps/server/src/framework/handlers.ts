import type { Handler } from "../http/handler";
import type { Binding } from "./binding";
import { withItemErrors } from "./bulk-errors";
import { etagMatches, etagOfJson, ifMatch } from "./etag";
import { fieldSelection } from "./read";
import type { ResourceService } from "./service";
import { transitionHandlers } from "./transitions";

type Item = Record<string, unknown> & { id: number };

const pick = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
/** A 200 with its ETag: the body is serialized once, for the hash and for sending. */
const withEtag = (body: unknown) => {
  const json = JSON.stringify(body);
  return { status: 200, body, json, headers: { ETag: etagOfJson(json) } };
};

/**
 * The handlers of every standard route of a resource, keyed like the routes the
 * contract's `defineResource` declares. A resource with extra actions adds its
 * own handlers next to these.
 */
export function resourceHandlers(b: Binding, svc: ResourceService): Record<string, Handler> {
  const standard: Record<string, Handler> = {
    list: async ({ query, ctx }) => ({ status: 200, body: await svc.list(b, query, ctx) }),
    retrieve: async ({ params, query, ctx, req }) => {
      const full = await svc.retrieve(b, params.id as number, ctx, query.brief === true);
      const only = fieldSelection(b.resource, query);
      const body = only ? pick(full, ["id", "url", "display", ...only]) : full;
      const ok = withEtag(body);
      if (etagMatches(req.get("If-None-Match"), ok.headers.ETag)) return { status: 304, headers: ok.headers };
      return ok;
    },
    create: async ({ body, ctx }) => ({ status: 201, body: (await svc.create(b, [body as Item], ctx, false))[0] }),
    bulkCreate: async ({ body, ctx }) => ({
      status: 201,
      body: await withItemErrors(b, body as Item[], () => svc.create(b, body as Item[], ctx, true)),
    }),
    update: async ({ params, body, ctx, req }) =>
      withEtag(
        (
          await svc.update(
            b,
            [{ ...(body as Item), id: params.id as number }],
            ctx,
            false,
            false,
            ifMatch(req.get("If-Match")),
          )
        )[0],
      ),
    partialUpdate: async ({ params, body, ctx, req }) =>
      withEtag(
        (
          await svc.update(
            b,
            [{ ...(body as Item), id: params.id as number }],
            ctx,
            true,
            false,
            ifMatch(req.get("If-Match")),
          )
        )[0],
      ),
    bulkUpdate: async ({ body, ctx }) => ({
      status: 200,
      body: await withItemErrors(b, body as Item[], () => svc.update(b, body as Item[], ctx, false, true)),
    }),
    bulkPartialUpdate: async ({ body, ctx }) => ({
      status: 200,
      body: await withItemErrors(b, body as Item[], () => svc.update(b, body as Item[], ctx, true, true)),
    }),
    delete: async ({ params, ctx }) => {
      await svc.delete(b, [params.id as number], ctx);
      return { status: 204 };
    },
    bulkDelete: async ({ body, ctx }) => {
      await withItemErrors(b, body as Item[], () =>
        svc.delete(
          b,
          (body as Item[]).map((i) => i.id),
          ctx,
        ),
      );
      return { status: 204 };
    },
    ...(b.resource.workflow ? transitionHandlers(b, svc) : {}),
  };
  // The binding's actions, and its overrides of standard routes (which may wrap `standard`).
  const own = b.handlers?.(svc, standard) ?? {};
  // The types require a handler for every declared action; one for a route the contract
  // does not declare would never be served, so it stops the start instead.
  const undeclared = Object.keys(own).filter((name) => !(name in b.resource.routes));
  if (undeclared.length) throw new Error(`${b.resource.key}: handlers of undeclared routes ${undeclared.join(", ")}`);
  return { ...standard, ...own };
}
