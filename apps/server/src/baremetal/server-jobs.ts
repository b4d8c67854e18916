import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { type Actor, actorOfJob, recordedWrite } from "../jobs/changes";
import type { JobRow } from "../jobs/queue";
import { defineJob } from "../jobs/registry";
import { RedfishClient, RedfishError, type RedfishObject } from "../redfish/client";
import { firstSystem, powerState, readInventory } from "../redfish/inventory";
import { loginWithProfile } from "./bmc-login";
import { storeInventory } from "./inventory-store";

export const JOBS = {
  refresh: "dcim.servers.refresh_inventory",
  firmware: "dcim.servers.update_firmware",
  deploy: "dcim.servers.deploy_os",
  power: "dcim.servers.power",
} as const;

interface Target {
  server: { id: number; name: string; bmc_url: string; status: string };
  profile: number;
}

/** The server's BMC and the auth profile that registered it. */
export async function bmcOf(db: Database, serverId: number): Promise<Target> {
  const [row] = rowsOf<{
    id: number;
    name: string;
    bmc_url: string;
    status: string;
    registered_with_id: number | null;
  }>(
    await db.execute(sql`SELECT s.id, s.name, s.bmc_url, s.status, n.registered_with_id FROM servers s
      LEFT JOIN nodes n ON n.server_id = s.id AND n.registered_with_id IS NOT NULL
      WHERE s.id = ${serverId} ORDER BY n.id LIMIT 1`),
  );
  if (!row) throw new Error(`Server ${serverId} no longer exists.`);
  if (row.registered_with_id === null)
    throw new Error(`Server ${row.name} has no registered BMC (register its discovery node first).`);
  return { server: row, profile: row.registered_with_id };
}

/**
 * Every change a job makes to a server (inventory, power state, status) goes
 * through here: in one transaction with its change log record, under the job's user.
 */
export function changeServer(db: Database, actor: Actor, id: number, write: (tx: Database) => Promise<unknown>) {
  return db.transaction((tx) =>
    recordedWrite(tx as Database, actor, "dcim.servers", id, async () => {
      await write(tx as Database);
      return id;
    }),
  );
}

async function refresh(
  db: Database,
  job: JobRow,
  c: RedfishClient,
  t: Target,
  progress?: (p: number) => Promise<void>,
) {
  const inv = await readInventory(c, progress);
  await changeServer(db, actorOfJob(job), t.server.id, (tx) =>
    storeInventory(tx, inv, { serverId: t.server.id, bmcUrl: t.server.bmc_url, fallbackName: t.server.name }),
  );
  return inv;
}

function action(obj: RedfishObject | undefined, name: string): string {
  const target = (obj?.Actions as Record<string, { target?: string }> | undefined)?.[name]?.target;
  if (!target) throw new RedfishError("not_supported", `The BMC does not offer ${name}.`);
  return target;
}

defineJob<{ server: number }>(JOBS.refresh, async ({ job, params, db, signal, progress }) => {
  const t = await bmcOf(db, params.server);
  const c = await loginWithProfile(db, t.server.bmc_url, t.profile, signal);
  const inv = await refresh(db, job, c, t, progress);
  return { unknown: inv.unknown, bios_version: inv.system.bios_version, power_state: inv.system.power_state };
});

/** Redfish SimpleUpdate with the image URL, aimed at the server's system; then re-reads the inventory. */
defineJob<{ server: number; firmware: number; image_uri: string }>(
  JOBS.firmware,
  async ({ job, params, db, signal, progress }) => {
    const t = await bmcOf(db, params.server);
    const c = await loginWithProfile(db, t.server.bmc_url, t.profile, signal);
    const system = await firstSystem(c);
    const before = String(system.BiosVersion ?? "");
    const us = await c.optional(RedfishClient.link(await c.root(), "UpdateService"));
    if (!us) throw new Error(`${c.baseUrl} has no UpdateService.`);
    await progress(30);
    try {
      await c.post(action(us, "#UpdateService.SimpleUpdate"), {
        ImageURI: params.image_uri,
        TransferProtocol: params.image_uri.startsWith("https") ? "HTTPS" : "HTTP",
        Targets: [system["@odata.id"]],
      });
    } catch (e) {
      throw new Error(`The BMC refused the firmware update: ${(e as Error).message}`);
    }
    await progress(70);
    const inv = await refresh(db, job, c, t);
    return { bios_version_before: before, bios_version: inv.system.bios_version };
  },
);

/**
 * OS deployment: insert the image into the virtual CD drive, boot once from CD,
 * power on (or restart). The server goes to_deploy while it runs, in_use after.
 */
defineJob<{ server: number; os_image: number; image_url: string; previous_status: string }>(
  JOBS.deploy,
  async ({ job, params, db, signal, progress }) => {
    const t = await bmcOf(db, params.server);
    try {
      const c = await loginWithProfile(db, t.server.bmc_url, t.profile, signal);
      const system = await firstSystem(c);
      const manager = ((system.Links as { ManagedBy?: RedfishObject[] } | undefined)?.ManagedBy ?? [])[0]?.[
        "@odata.id"
      ];
      const vmPath =
        RedfishClient.link(system, "VirtualMedia") ?? RedfishClient.link(await c.optional(manager), "VirtualMedia");
      if (!vmPath) throw new Error(`${c.baseUrl} offers no virtual media.`);
      const media = await c.members(vmPath);
      const cd = media.find((m) => ((m.MediaTypes as string[] | undefined) ?? []).some((t) => /cd|dvd/i.test(t)));
      if (!cd) throw new Error(`${c.baseUrl} offers no virtual CD drive.`);
      await progress(20);
      await c.post(action(cd, "#VirtualMedia.InsertMedia"), {
        Image: params.image_url,
        Inserted: true,
        WriteProtected: true,
      });
      await progress(50);
      await c.patch(String(system["@odata.id"]), {
        Boot: { BootSourceOverrideTarget: "Cd", BootSourceOverrideEnabled: "Once" },
      });
      await progress(70);
      const reset = action(system, "#ComputerSystem.Reset");
      await c.post(reset, { ResetType: system.PowerState === "On" ? "ForceRestart" : "On" });
      await changeServer(db, actorOfJob(job), t.server.id, (tx) =>
        tx.execute(
          sql`UPDATE servers SET status = 'in_use', power_state = 'on', updated = now() WHERE id = ${t.server.id}`,
        ),
      );
      const after = await c.get(String(system["@odata.id"]));
      return {
        media: String(cd["@odata.id"]),
        boot: (after.Boot as RedfishObject | undefined)?.BootSourceOverrideTarget ?? null,
        image: params.image_url,
      };
    } catch (e) {
      if (!signal.aborted)
        await changeServer(db, actorOfJob(job), t.server.id, (tx) =>
          tx.execute(sql`UPDATE servers SET status = ${params.previous_status}, updated = now()
            WHERE id = ${t.server.id} AND status = 'to_deploy'`),
        );
      throw e;
    }
  },
);

const RESET: Record<string, string> = { on: "On", off: "ForceOff", reset: "ForceRestart" };

defineJob<{ server: number; action: "on" | "off" | "reset" }>(JOBS.power, async ({ job, params, db, signal }) => {
  const t = await bmcOf(db, params.server);
  const c = await loginWithProfile(db, t.server.bmc_url, t.profile, signal);
  const system = await firstSystem(c);
  await c.post(action(system, "#ComputerSystem.Reset"), { ResetType: RESET[params.action] });
  // BMCs apply power changes asynchronously; record what was asked, the BMC state is read on refresh.
  const want = params.action === "off" ? "off" : "on";
  await changeServer(db, actorOfJob(job), t.server.id, (tx) =>
    tx.execute(sql`UPDATE servers SET power_state = ${want}, updated = now() WHERE id = ${t.server.id}`),
  );
  return { requested: params.action, reported_before: powerState(system.PowerState) };
});
