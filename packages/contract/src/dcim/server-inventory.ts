import { z } from "zod";
import { f } from "../common/fields";

const list = z.array(z.record(z.unknown()));

import { defineResource } from "../common/resource";

/**
 * What a server's BMC reports, replaced on every inventory read (register,
 * refresh_inventory). Read-only; also served under `/api/dcim/servers/<id>/<part>/`.
 */
const common = {
  server: f.fk("dcim.servers", { required: true, readOnly: true, onDelete: "cascade" }),
  name: f.string({ readOnly: true, search: true }),
};
const inventory = { tags: false, comments: false, readOnly: true } as const;

export const serverProcessors = defineResource({
  app: "dcim",
  name: "server-processors",
  model: "ServerProcessor",
  description: "Processors read from the server's BMC (Redfish `Processors`).",
  fields: {
    ...common,
    manufacturer: f.string({ readOnly: true }),
    model: f.string({ readOnly: true }),
    cores: f.int({ readOnly: true, nullable: true }),
    threads: f.int({ readOnly: true, nullable: true }),
    speed_mhz: f.int({ readOnly: true, nullable: true }),
  },
  brief: ["name"],
  ordering: ["server", "name"],
  ...inventory,
});

export const serverEthernetInterfaces = defineResource({
  app: "dcim",
  name: "server-ethernet-interfaces",
  model: "ServerEthernetInterface",
  description: "Network interfaces read from the server's BMC (Redfish `EthernetInterfaces`).",
  fields: {
    ...common,
    mac: f.string({ readOnly: true, search: true }),
    speed_mbps: f.int({ readOnly: true, nullable: true }),
    link_status: f.string({ readOnly: true }),
  },
  brief: ["name", "mac"],
  ordering: ["server", "name"],
  ...inventory,
});

export const serverStorages = defineResource({
  app: "dcim",
  name: "server-storages",
  model: "ServerStorage",
  description: "Storage subsystems read from the server's BMC (Redfish `Storage`): controllers, drives, volumes.",
  fields: {
    ...common,
    controllers: f.json({ readOnly: true, schema: list }),
    drives: f.json({ readOnly: true, schema: list }),
    volumes: f.json({ readOnly: true, schema: list }),
    // Bytes reach beyond 32 bits (a bigint column): a whole number, filtered in its own range.
    capacity_bytes: f.int({
      readOnly: true,
      nullable: true,
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      description: "Bytes.",
    }),
  },
  brief: ["name"],
  ordering: ["server", "name"],
  ...inventory,
});

export const serverFirmwares = defineResource({
  app: "dcim",
  name: "server-firmwares",
  model: "ServerFirmware",
  description:
    "Firmware installed on the server as its BMC reports it (BIOS version from the system, Redfish " +
    "`FirmwareInventory` where served).",
  fields: {
    ...common,
    version: f.string({ readOnly: true }),
    updateable: f.bool({ readOnly: true, nullable: true }),
  },
  brief: ["name", "version"],
  ordering: ["server", "name"],
  ...inventory,
});

/** Spread into the `dcim` app of the resource tree. */
export const serverInventory = { serverProcessors, serverEthernetInterfaces, serverStorages, serverFirmwares } as const;
