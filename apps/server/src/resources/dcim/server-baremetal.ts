import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { lockServer, refuseBusy } from "../../baremetal/busy-servers";
import { JOBS } from "../../baremetal/server-jobs";
import { type Binding, bindingOf, type WriteCheck } from "../../framework/binding";
import type { RequestContext } from "../../framework/context";
import { badRequest, conflict, notFound } from "../../framework/errors";
import { resourceHandlers } from "../../framework/handlers";
import { asCaller, seenBy } from "../../framework/scope";
import type { ResourceService } from "../../framework/service";
import type { Handler, HandlerInput } from "../../http/handler";
import { accepted, jobsOf } from "../../jobs/accepted";
import { actorOfRequest, recordedWrite } from "../../jobs/changes";

type Row = Record<string, unknown>;
const one = async (db: Database, q: ReturnType<typeof sql>) => rowsOf<Row>(await db.execute(q))[0];

/** `GET /api/dcim/servers/<id>/<part>/`: the part's own list, narrowed to the server. */
const part =
  (svc: ResourceService, key: string): Handler =>
  async ({ params, query, ctx, req }) => {
    const id = params.id as number;
    const seen = seenBy(ctx, "dcim.servers", "s");
    if (!(await one(jobsOf(req).db, asCaller(ctx, sql`SELECT 1 AS x FROM servers s WHERE s.id = ${id} AND ${seen}`))))
      throw notFound(`No Server matches id ${id}.`);
    return { status: 200, body: await svc.list(bindingOf(key), { ...query, server: [id] }, ctx) };
  };

async function serverWithBmc(db: Database, id: number, ctx: RequestContext) {
  const s = await one(
    db,
    asCaller(
      ctx,
      sql`SELECT s.id, s.name, s.status, s.asset_model_id,
      EXISTS (SELECT 1 FROM nodes n WHERE n.server_id = s.id AND n.registered_with_id IS NOT NULL) AS has_bmc
      FROM servers s WHERE s.id = ${id} AND ${seenBy(ctx, "dcim.servers", "s")}`,
    ),
  );
  if (!s) throw notFound(`No Server matches id ${id}.`);
  if (!s.has_bmc) throw conflict(`Server ${s.name} has no registered BMC; register its discovery node first.`);
  return s;
}

const job =
  (svc: ResourceService, kind: string, prepare: (input: HandlerInput, server: Row, db: Database) => Promise<Row>) =>
  async (input: HandlerInput) => {
    const id = input.params.id as number;
    const db = jobsOf(input.req).db;
    const server = await serverWithBmc(db, id, input.ctx);
    const params = { server: id, ...(await prepare(input, server, db)) };
    const exclusive = kind === JOBS.deploy || kind === JOBS.firmware;
    const before = async (tx: Database) => {
      if (exclusive) {
        await lockServer(tx, id);
        await refuseBusy(tx, [id], kind === JOBS.deploy ? "deploy an OS" : "update firmware");
      }
      if (kind === JOBS.deploy) await markDeploying(id, input.ctx)(tx);
    };
    return accepted(input.req, svc, input.ctx, { kind, params, object: { type: "dcim.servers", id } }, before);
  };

/** The server is `to_deploy` exactly when its deployment job exists (same transaction, in the change log). */
const markDeploying = (id: number, ctx: RequestContext) => async (tx: Database) => {
  await recordedWrite(tx, actorOfRequest(ctx), "dcim.servers", id, async () => {
    await tx.execute(sql`UPDATE servers SET status = 'to_deploy', updated = now(), updated_by_request = ${ctx.requestId || null}::uuid
      WHERE id = ${id}`);
    return id;
  });
};

/** Delete and bulk delete, refused (409) while a server is in a deployment or firmware update. */
function guardedDeletes(svc: ResourceService, b: Binding): Record<string, Handler> {
  const std = resourceHandlers({ ...b, actions: undefined }, svc);
  return {
    delete: async (input) => {
      await refuseBusy(jobsOf(input.req).db, [input.params.id as number], "delete the server");
      return std.delete!(input);
    },
    bulkDelete: async (input) => {
      const ids = (input.body as { id: unknown }[]).map((i) => i.id).filter((i): i is number => typeof i === "number");
      await refuseBusy(jobsOf(input.req).db, ids, "delete the servers");
      return std.bulkDelete!(input);
    },
  };
}

/** A server in a running deployment or firmware update keeps its pool (PATCH/PUT of `resource_pool` is a 409). */
export async function busyServerKeepsPool({ tx, values, existing }: WriteCheck) {
  if (existing && (existing.resource_pool_id ?? null) !== (values.resource_pool_id ?? null))
    await refuseBusy(tx, [Number(existing.id)], "move the server out of its pool");
  return undefined;
}

/** Handlers of the server's bare-metal actions (declared in the contract's `serverActions`). */
export const serverBareMetalActions = (svc: ResourceService, b: Binding): Record<string, Handler> => ({
  ...guardedDeletes(svc, b),
  processors: part(svc, "dcim.server-processors"),
  ethernetInterfaces: part(svc, "dcim.server-ethernet-interfaces"),
  storages: part(svc, "dcim.server-storages"),
  firmwares: part(svc, "dcim.server-firmwares"),
  refreshInventory: job(svc, JOBS.refresh, async () => ({})),
  removeFromPool: removeFromPool(svc),
  power: job(svc, JOBS.power, async ({ body }) => ({ action: (body as { action: string }).action })),
  updateFirmware: job(svc, JOBS.firmware, async ({ body }, server, db) => {
    const fwId = (body as { firmware: number }).firmware;
    const fw = await one(
      db,
      sql`SELECT f.id, f.name, f.version, f.file_url,
        array(SELECT asset_model_id FROM firmware_asset_models WHERE firmware_id = f.id) AS models
        FROM firmware f WHERE f.id = ${fwId}`,
    );
    if (!fw) throw badRequest({ firmware: [`No firmware matches id ${fwId}.`] });
    const models = (fw.models as number[]).map(Number);
    if (!models.includes(Number(server.asset_model_id)))
      throw badRequest({
        firmware: [
          server.asset_model_id == null
            ? `Server ${server.name} has no asset model, so no firmware can be checked against it.`
            : `Firmware ${fw.name} ${fw.version} does not apply to the asset model of server ${server.name}.`,
        ],
      });
    return { firmware: fwId, image_uri: fw.file_url };
  }),
  deployOs: job(svc, JOBS.deploy, async ({ body }, server, db) => {
    const imgId = (body as { os_image: number }).os_image;
    const img = await one(db, sql`SELECT id, file_url FROM os_images WHERE id = ${imgId}`);
    if (!img) throw badRequest({ os_image: [`No OS image matches id ${imgId}.`] });
    if (!["new", "free", "in_use", "to_deploy"].includes(String(server.status)))
      throw conflict(`Server ${server.name} is ${server.status}; only new, free or in-use servers can be deployed.`);
    return { os_image: imgId, image_url: img.file_url, previous_status: server.status };
  }),
});

/** `POST /api/dcim/servers/remove_from_pool/`: takes the servers out of whatever pool holds them. */
export const removeFromPool =
  (svc: ResourceService): Handler =>
  async ({ body, req, ctx }) => {
    const ids = [...new Set((body as { servers: number[] }).servers)];
    const list = sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    );
    const seen = seenBy(ctx, "dcim.servers", "s");
    return jobsOf(req).db.transaction(async (t) => {
      const tx = t as Database;
      const found = rowsOf<{ id: number; pooled: boolean }>(
        await tx.execute(
          asCaller(
            ctx,
            sql`SELECT s.id, s.resource_pool_id IS NOT NULL AS pooled FROM servers s WHERE s.id IN (${list}) AND ${seen} FOR UPDATE OF s`,
          ),
        ),
      );
      const missing = ids.filter((i) => !found.some((r) => r.id === i));
      if (missing.length) throw badRequest({ servers: [`No server matches id ${missing.join(", ")}.`] });
      const pooled = found.filter((r) => r.pooled).map((r) => r.id);
      await refuseBusy(tx, pooled, "remove servers from their pool");
      // Each server taken out of its pool is an update in the change log, in this transaction.
      await svc.recordedUpdate(tx, bindingOf("dcim.servers"), pooled, ctx, () =>
        tx.execute(sql`UPDATE servers SET resource_pool_id = NULL, updated = now(), updated_by_request = ${ctx.requestId || null}
          WHERE id IN (${list}) AND resource_pool_id IS NOT NULL`),
      );
      return { status: 200, body: { removed: pooled.length } };
    });
  };
