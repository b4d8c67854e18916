import { resources } from "@rackplane/contract";
import { rowsOf, schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { REGISTER_JOB } from "../../discovery/register";
import { asCaller, badRequest, defineBinding, notFound, seenBy } from "../../framework";
import { accepted, jobsOf } from "../../jobs/accepted";
import { serverPartAccess } from "../rules/access";

/**
 * Discovery nodes (BMCs found by a scan). A node goes with its server (rules/access.ts);
 * `register` queues the job that reads the BMC with an auth profile and creates or
 * updates the server.
 */
export const nodes = defineBinding(resources.discovery.nodes, schema.nodes, {
  access: serverPartAccess,
  actions: ({ svc }) => ({
    register: async ({ params: { id }, body: { auth_profile: profile }, ctx, req }) => {
      const db = jobsOf(req).db;
      const [node] = rowsOf(
        await db.execute(
          asCaller(
            ctx,
            sql`SELECT n.id FROM ${schema.nodes} n WHERE n.id = ${id} AND ${seenBy(ctx, "discovery.nodes", "n")}`,
          ),
        ),
      );
      if (!node) throw notFound(`No Node matches id ${id}.`);
      const [p] = rowsOf(await db.execute(sql`SELECT id FROM ${schema.authProfiles} WHERE id = ${profile}`));
      if (!p) throw badRequest({ auth_profile: [`No auth profile matches id ${profile}.`] });
      return accepted(req, svc, ctx, {
        kind: REGISTER_JOB,
        params: { node: id, auth_profile: profile },
        object: { type: "discovery.nodes", id },
      });
    },
  }),
});
