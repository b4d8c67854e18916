import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { BindingOptions } from "../../framework/binding";
import { badRequest, conflict, notFound } from "../../framework/errors";
import { jobsOf } from "../../jobs/accepted";

const idList = (ids: number[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

async function poolExists(db: Database, id: number) {
  const [p] = rowsOf<{ id: number; name: string }>(await db.execute(sql`SELECT id, name FROM pools WHERE id = ${id}`));
  if (!p) throw notFound(`No Pool matches id ${id}.`);
  return p;
}

/**
 * Pool actions. Assigning is all-or-nothing in one transaction: unknown ids and
 * servers already in another pool (named in the error) refuse the whole request.
 */
export const poolBinding: BindingOptions = {
  actions: (svc, b) => ({
    assignServers: async ({ params, body, ctx, req }) => {
      const id = params.id as number;
      const { servers = [], nodes = [] } = body as { servers?: number[]; nodes?: number[] };
      const db = jobsOf(req).db;
      await db.transaction(async (t) => {
        const tx = t as Database;
        await poolExists(tx, id);
        const ids = new Set(servers);
        if (nodes.length) {
          const rows = rowsOf<{ id: number; server_id: number | null }>(
            await tx.execute(sql`SELECT id, server_id FROM nodes WHERE id IN (${idList(nodes)})`),
          );
          const bad = nodes.filter((n) => !rows.some((r) => r.id === n && r.server_id !== null));
          if (bad.length)
            throw badRequest({ nodes: [`Nodes ${bad.join(", ")} do not exist or have no registered server.`] });
          for (const r of rows) ids.add(r.server_id!);
        }
        const want = [...ids];
        const rows = rowsOf<{ id: number; name: string; pool_id: number | null; pool_name: string | null }>(
          await tx.execute(sql`SELECT s.id, s.name, s.resource_pool_id AS pool_id, p.name AS pool_name
            FROM servers s LEFT JOIN pools p ON p.id = s.resource_pool_id WHERE s.id IN (${idList(want)}) FOR UPDATE OF s`),
        );
        const missing = want.filter((w) => !rows.some((r) => r.id === w));
        if (missing.length) throw badRequest({ servers: [`No server matches id ${missing.join(", ")}.`] });
        const taken = rows.filter((r) => r.pool_id !== null && r.pool_id !== id);
        if (taken.length)
          throw badRequest({
            servers: taken.map(
              (r) => `Server ${r.name} (id ${r.id}) is already in pool "${r.pool_name}"; remove it first.`,
            ),
          });
        await tx.execute(
          sql`UPDATE servers SET resource_pool_id = ${id}, updated = now() WHERE id IN (${idList(want)})`,
        );
      });
      return { status: 200, body: await svc.retrieve(b, id, ctx) };
    },
    assignSwitches: async ({ params, body, ctx, req }) => {
      const id = params.id as number;
      const { switches } = body as { switches: number[] };
      const db = jobsOf(req).db;
      await db.transaction(async (t) => {
        const tx = t as Database;
        await poolExists(tx, id);
        const rows = rowsOf<{ id: number; name: string; pool_id: number | null; pool_name: string | null }>(
          await tx.execute(sql`SELECT s.id, s.name, s.resource_pool_id AS pool_id, p.name AS pool_name
            FROM switches s LEFT JOIN pools p ON p.id = s.resource_pool_id WHERE s.id IN (${idList(switches)}) FOR UPDATE OF s`),
        );
        const missing = switches.filter((w) => !rows.some((r) => r.id === w));
        if (missing.length) throw badRequest({ switches: [`No switch matches id ${missing.join(", ")}.`] });
        const taken = rows.filter((r) => r.pool_id !== null && r.pool_id !== id);
        if (taken.length)
          throw badRequest({
            switches: taken.map((r) => `Switch ${r.name} (id ${r.id}) is already in pool "${r.pool_name}".`),
          });
        await tx.execute(
          sql`UPDATE switches SET resource_pool_id = ${id}, updated = now() WHERE id IN (${idList(switches)})`,
        );
      });
      return { status: 200, body: await svc.retrieve(b, id, ctx) };
    },
    createSubPool: async ({ params, body, ctx, req }) => {
      const id = params.id as number;
      await poolExists(jobsOf(req).db, id);
      const { name, description = "" } = body as { name: string; description?: string };
      const [created] = await svc.create(b, [{ name, description, parent: id }], ctx, false);
      if (!created) throw conflict("The sub-pool was not created.");
      return { status: 201, body: created };
    },
  }),
};
