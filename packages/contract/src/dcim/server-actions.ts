import { z } from "zod";
import { objectId } from "../common/object-id";
import { paginationQuery } from "../common/pagination";
import { ErrorDetail } from "../common/schemas";
import { jobs } from "../core/jobs";
import { serverEthernetInterfaces, serverFirmwares, serverProcessors, serverStorages } from "./server-inventory";

/** GET `/api/dcim/servers/<id>/<part>/`: the server's inventory part, paginated like every list (common/pagination.ts). */
const part = (path: string, r: { schemas: { Paginated: z.ZodTypeAny } }, what: string) =>
  ({
    path,
    detail: true,
    method: "GET",
    query: paginationQuery,
    responses: { 200: r.schemas.Paginated },
    summary: `The server's ${what} (as last read from its BMC)`,
  }) as const;

const long = (path: string, summary: string, body: z.ZodTypeAny) =>
  ({
    path,
    detail: true,
    method: "POST",
    body,
    responses: { 202: jobs.schemas.Read, 409: ErrorDetail },
    summary,
  }) as const;

/** The bare-metal actions of a server; each long one answers 202 with a job. */
export const serverActions = {
  processors: part("processors", serverProcessors, "processors"),
  ethernetInterfaces: part("ethernet_interfaces", serverEthernetInterfaces, "ethernet interfaces"),
  storages: part("storages", serverStorages, "storage (controllers, drives, volumes)"),
  firmwares: part("firmwares", serverFirmwares, "installed firmware"),
  refreshInventory: long("refresh_inventory", "Re-read the inventory from the BMC (a job)", z.object({}).strict()),
  updateFirmware: long(
    "update_firmware",
    "Update firmware with Redfish SimpleUpdate (a job); the image must list the server's asset model. " +
      "409 while the server is in a deployment or firmware update",
    z.object({ firmware: objectId() }).strict(),
  ),
  deployOs: long(
    "deploy_os",
    "Insert the OS image as virtual CD, boot once from CD and power on (a job); status → to_deploy → in_use. " +
      "409 while the server is in a deployment or firmware update",
    z.object({ os_image: objectId() }).strict(),
  ),
  removeFromPool: {
    path: "remove_from_pool",
    detail: false,
    method: "POST",
    body: z.object({ servers: z.array(objectId()).min(1, "Name at least one server.").max(1000) }).strict(),
    responses: { 200: z.object({ removed: z.number().int() }), 409: ErrorDetail },
    summary: "Take servers out of their pools (409 while one is in an OS deployment or firmware update)",
  } as const,
  power: long(
    "power",
    "Power on, off or reset through the BMC (a job)",
    z.object({ action: z.enum(["on", "off", "reset"]) }).strict(),
  ),
};
