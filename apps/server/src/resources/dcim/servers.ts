import { resources } from "@rackplane/contract";
import { type Database, rowsOf, schema } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import type { Request } from "express";
import { lockServer, refuseBusy } from "../../baremetal/busy-servers";
import { JOBS } from "../../baremetal/server-jobs";
import {
  asCaller,
  type Binding,
  badRequest,
  conflict,
  defineBinding,
  notFound,
  type RequestContext,
  type ResourceService,
  type RouteInput,
  seenBy,
  type WriteCheck,
} from "../../framework";
import { accepted, jobsOf } from "../../jobs/accepted";
import { actorOfRequest, recordedWrite } from "../../jobs/changes";
import { pooledAccess } from "../rules/access";
import { licencesOfAsset, objectLicencesNotOverAssigned } from "../rules/licence-counts";
import { positionFitsRack } from "../rules/rack-position";
import { serverEthernetInterfaces } from "./server-ethernet-interfaces";
import { serverFirmwares } from "./server-firmwares";
import { serverProcessors } from "./server-processors";
import { serverStorages } from "./server-storages";

type Row = Record<string, unknown>;
type Routes = (typeof resources.dcim.servers)["routes"];
/** The body of one of the server's routes, as the contract declares it. */
type Body<K extends keyof Routes> = RouteInput<Routes[K]>["body"];

const one = async (db: Database, q: SQL) => rowsOf<Row>(await db.execute(q))[0];

/**
 * Servers. In a pool they follow the pool's group (rules/access.ts); a server in a
 * running deployment or firmware update keeps its pool and cannot be deleted (409);
 * its bare-metal actions (declared in the contract's `serverActions`) queue jobs
 * against its registered BMC; its `licences` are assignments with quantity 1.
 */
export const servers = defineBinding(resources.dcim.servers, schema.servers, {
  access: pooledAccess,
  validate: [busyServerKeepsPool, positionFitsRack],
  joinTables: { licences: licencesOfAsset },
  afterWrite: [objectLicencesNotOverAssigned],
  overrides: (_deps, standard) => ({
    delete: async (input) => {
      await refuseBusy(jobsOf(input.req).db, [input.params.id], "delete the server");
      return standard.delete(input);
    },
    bulkDelete: async (input) => {
      await refuseBusy(
        jobsOf(input.req).db,
        input.body.map((i) => i.id),
        "delete the servers",
      );
      return standard.bulkDelete(input);
    },
  }),
  actions: ({ svc, binding }) => ({
    processors: partsOf(svc, serverProcessors),
    ethernetInterfaces: partsOf(svc, serverEthernetInterfaces),
    storages: partsOf(svc, serverStorages),
    firmwares: partsOf(svc, serverFirmwares),
    refreshInventory: job(svc, JOBS.refresh, async () => ({})),
    removeFromPool: async ({ body, req, ctx }) => removeFromPool(svc, binding, body.servers, req, ctx),
    power: job(svc, JOBS.power, async ({ action }: Body<"power">) => ({ action })),
    updateFirmware: job(svc, JOBS.firmware, async ({ firmware }: Body<"updateFirmware">, server, db) => {
      const fw = await one(
        db,
        sql`SELECT f.id, f.name, f.version, f.file_url,
        array(SELECT asset_model_id FROM ${schema.firmwareAssetModels} WHERE firmware_id = f.id) AS models
        FROM ${schema.firmware} f WHERE f.id = ${firmware}`,
      );
      if (!fw) throw badRequest({ firmware: [`No firmware matches id ${firmware}.`] });
      const models = Array.isArray(fw.models) ? fw.models.map(Number) : [];
      if (!models.includes(Number(server.asset_model_id)))
        throw badRequest({
          firmware: [
            server.asset_model_id == null
              ? `Server ${server.name} has no asset model, so no firmware can be checked against it.`
              : `Firmware ${fw.name} ${fw.version} does not apply to the asset model of server ${server.name}.`,
          ],
        });
      return { firmware, image_uri: fw.file_url };
    }),
    deployOs: job(svc, JOBS.deploy, async ({ os_image }: Body<"deployOs">, server, db) => {
      const img = await one(db, sql`SELECT id, file_url FROM ${schema.osImages} WHERE id = ${os_image}`);
      if (!img) throw badRequest({ os_image: [`No OS image matches id ${os_image}.`] });
      if (!["new", "free", "in_use", "to_deploy"].includes(String(server.status)))
        throw conflict(`Server ${server.name} is ${server.status}; only new, free or in-use servers can be deployed.`);
      return { os_image, image_url: img.file_url, previous_status: server.status };
    }),
  }),
});

/** A server in a running deployment or firmware update keeps its pool (PATCH/PUT of `resource_pool` is a 409). */
async function busyServerKeepsPool({ tx, values, existing }: WriteCheck) {
  if (existing && (existing.resource_pool_id ?? null) !== (values.resource_pool_id ?? null))
    await refuseBusy(tx, [Number(existing.id)], "move the server out of its pool");
  return undefined;
}

/** Input of the detail actions below (their route has the server's `id`). */
interface ServerInput<B> {
  params: { id: number };
  query: Record<string, unknown>;
  body: B;
  ctx: RequestContext;
  req: Request;
}

/** `GET /api/dcim/servers/<id>/<part>/`: the part's own list, narrowed to the server. */
const partsOf =
  (svc: ResourceService, part: Binding) =>
  async ({ params: { id }, query, ctx, req }: ServerInput<unknown>) => {
    const seen = seenBy(ctx, "dcim.servers", "s");
    if (
      !(await one(
        jobsOf(req).db,
        asCaller(ctx, sql`SELECT 1 AS x FROM ${schema.servers} s WHERE s.id = ${id} AND ${seen}`),
      ))
    )
      throw notFound(`No Server matches id ${id}.`);
    return { status: 200 as const, body: await svc.list(part, { ...query, server: [id] }, ctx) };
  };

async function serverWithBmc(db: Database, id: number, ctx: RequestContext) {
  const s = await one(
    db,
    asCaller(
      ctx,
      sql`SELECT s.id, s.name, s.status, s.asset_model_id,
      EXISTS (SELECT 1 FROM ${schema.nodes} n WHERE n.server_id = s.id AND n.registered_with_id IS NOT NULL) AS has_bmc
      FROM ${schema.servers} s WHERE s.id = ${id} AND ${seenBy(ctx, "dcim.servers", "s")}`,
    ),
  );
  if (!s) throw notFound(`No Server matches id ${id}.`);
  if (!s.has_bmc) throw conflict(`Server ${s.name} has no registered BMC; register its discovery node first.`);
  return s;
}

/** A bare-metal action: checks the server and its BMC, then queues the job (202). */
const job =
  <B>(svc: ResourceService, kind: string, prepare: (body: B, server: Row, db: Database) => Promise<Row>) =>
  async ({ params: { id }, body, ctx, req }: ServerInput<B>) => {
    const db = jobsOf(req).db;
    const server = await serverWithBmc(db, id, ctx);
    const params = { server: id, ...(await prepare(body, server, db)) };
    const exclusive = kind === JOBS.deploy || kind === JOBS.firmware;
    const before = async (tx: Database) => {
      if (exclusive) {
        await lockServer(tx, id);
        await refuseBusy(tx, [id], kind === JOBS.deploy ? "deploy an OS" : "update firmware");
      }
      if (kind === JOBS.deploy) await markDeploying(id, ctx)(tx);
    };
    return accepted(req, svc, ctx, { kind, params, object: { type: "dcim.servers", id } }, before);
  };

/** The server is `to_deploy` exactly when its deployment job exists (same transaction, in the change log). */
const markDeploying = (id: number, ctx: RequestContext) => async (tx: Database) => {
  await recordedWrite(tx, actorOfRequest(ctx), "dcim.servers", id, async () => {
    await tx.execute(sql`UPDATE ${schema.servers} SET status = 'to_deploy', updated = now(),
      updated_by_request = ${ctx.requestId || null}::uuid WHERE id = ${id}`);
    return id;
  });
};

/** `POST /api/dcim/servers/remove_from_pool/`: takes the servers out of whatever pool holds them. */
async function removeFromPool(
  svc: ResourceService,
  binding: Binding,
  servers: number[],
  req: Request,
  ctx: RequestContext,
) {
  const ids = [...new Set(servers)];
  const list = sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
  const seen = seenBy(ctx, "dcim.servers", "s");
  return jobsOf(req).db.transaction(async (tx) => {
    const found = rowsOf<{ id: number; pooled: boolean }>(
      await tx.execute(
        asCaller(
          ctx,
          sql`SELECT s.id, s.resource_pool_id IS NOT NULL AS pooled FROM ${schema.servers} s
            WHERE s.id IN (${list}) AND ${seen} FOR UPDATE OF s`,
        ),
      ),
    );
    const missing = ids.filter((i) => !found.some((r) => r.id === i));
    if (missing.length) throw badRequest({ servers: [`No server matches id ${missing.join(", ")}.`] });
    const pooled = found.filter((r) => r.pooled).map((r) => r.id);
    await refuseBusy(tx, pooled, "remove servers from their pool");
    // Each server taken out of its pool is an update in the change log, in this transaction.
    await svc.recordedUpdate(tx, binding, pooled, ctx, () =>
      tx.execute(sql`UPDATE ${schema.servers} SET resource_pool_id = NULL, updated = now(),
        updated_by_request = ${ctx.requestId || null} WHERE id IN (${list}) AND resource_pool_id IS NOT NULL`),
    );
    return { status: 200 as const, body: { removed: pooled.length } };
  });
}
