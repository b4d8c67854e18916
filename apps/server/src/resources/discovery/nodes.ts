import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { REGISTER_JOB } from "../../discovery/register";
import type { BindingOptions } from "../../framework/binding";
import { badRequest, notFound } from "../../framework/errors";
import { asCaller, seenBy } from "../../framework/scope";
import { accepted, jobsOf } from "../../jobs/accepted";

export const nodeBinding: BindingOptions = {
  actions: (svc) => ({
    register: async ({ params, body, ctx, req }) => {
      const id = params.id as number;
      const profile = (body as { auth_profile: number }).auth_profile;
      const [node] = rowsOf(
        await jobsOf(req).db.execute(
          asCaller(ctx, sql`SELECT n.id FROM nodes n WHERE n.id = ${id} AND ${seenBy(ctx, "discovery.nodes", "n")}`),
        ),
      );
      if (!node) throw notFound(`No Node matches id ${id}.`);
      const [p] = rowsOf(await jobsOf(req).db.execute(sql`SELECT id FROM auth_profiles WHERE id = ${profile}`));
      if (!p) throw badRequest({ auth_profile: [`No auth profile matches id ${profile}.`] });
      return accepted(req, svc, ctx, {
        kind: REGISTER_JOB,
        params: { node: id, auth_profile: profile },
        object: { type: "discovery.nodes", id },
      });
    },
  }),
};
