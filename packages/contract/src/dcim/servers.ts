import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";
import { serverActions } from "./server-actions";

export const ServerStatus = choices("ServerStatus", {
  new: "New",
  in_use: "In use",
  to_deploy: "To deploy",
  free: "Free",
  damaged: "Damaged",
  liquidated: "Liquidated",
  in_repair: "In repair",
  reserved: "Reserved",
});

export const PowerState = choices("PowerState", { on: "On", off: "Off", unknown: "Unknown" });

export const servers = defineResource({
  app: "dcim",
  name: "servers",
  model: "Server",
  description: "Data-center servers: the asset at the centre of the bare-metal lifecycle.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    asset_model: f.fk("dcim.asset-models", { nullable: true }),
    manufacturer: f.string({ max: 100, search: true }),
    model: f.string({ max: 100, search: true }),
    serial_number: f.string({ max: 100, search: true }),
    sku: f.string({ max: 100, search: true }),
    bios_version: f.string({ max: 100 }),
    bmc_url: f.string({ max: 200, search: true }),
    power_state: f.choice(PowerState, { default: "unknown" }),
    status: f.choice(ServerStatus, { default: "new" }),
    // Mounted devices keep a rack from being deleted (their position would dangle).
    rack: f.fk("dcim.racks", { nullable: true, onDelete: "protect" }),
    resource_pool: f.fk("pools.pools", { nullable: true, onDelete: "protect" }),
    node: f.fk("discovery.nodes", {
      nullable: true,
      readOnly: true,
      by: [],
      onDelete: "set_null",
      description: "The BMC (discovery node) that registered the server.",
    }),
    position: f.int({ min: 1, max: 100, nullable: true }),
    asset_tag: f.string({ max: 50, nullable: true, unique: true, search: true }),
    local_context_data: f.json({ nullable: true }),
    service_environment: f.fk("services.service-environments", { nullable: true, by: [] }),
    licences: f.m2m("assets.licences", { by: ["niw"] }),
  },
  brief: ["name"],
  ordering: ["name"],
  actions: serverActions,
  workflow: {
    field: "status",
    transitions: {
      install: { label: "Put in use", from: ["new", "free", "to_deploy", "in_repair", "reserved"], to: "in_use" },
      reserve: { label: "Reserve", from: ["new", "free"], to: "reserved" },
      release: { label: "Release", from: ["in_use", "reserved", "to_deploy"], to: "free" },
      prepare_deploy: { label: "Prepare deployment", from: ["new", "free", "in_use"], to: "to_deploy" },
      report_damage: {
        label: "Report damage",
        from: ["new", "in_use", "free", "to_deploy", "reserved", "in_repair"],
        to: "damaged",
      },
      send_to_repair: { label: "Send to repair", from: ["damaged"], to: "in_repair" },
      liquidate: { label: "Liquidate", from: ["damaged", "free"], to: "liquidated" },
    },
  },
});
