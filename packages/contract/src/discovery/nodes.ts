import { z } from "zod";
import { choices, f } from "../common/fields";
import { objectId } from "../common/object-id";
import { defineResource } from "../common/resource";
import { jobs } from "../core/jobs";

export const NodeStatus = choices("NodeStatus", {
  discovered: "Discovered",
  registered: "Registered",
  failed: "Failed",
});

export const nodes = defineResource({
  app: "discovery",
  name: "nodes",
  model: "Node",
  description:
    "BMCs found by scans (address, port, Redfish service root). `register` logs in with an auth profile " +
    "and creates or updates the server from the BMC's inventory.",
  fields: {
    address: f.ip({ required: true, search: true }),
    port: f.int({ required: true, min: 1, max: 65535 }),
    bmc_url: f.string({ max: 200, search: true }),
    vendor: f.string({ max: 100, search: true }),
    product: f.string({ max: 100, search: true }),
    redfish_version: f.string({ max: 20 }),
    status: f.choice(NodeStatus, { default: "discovered", search: true }),
    scan_range: f.fk("discovery.scan-ranges", { nullable: true }),
    server: f.fk("dcim.servers", { nullable: true, readOnly: true }),
    registered_with: f.fk("discovery.auth-profiles", { nullable: true, readOnly: true }),
    last_error: f.text({ readOnly: true }),
    last_seen: f.datetime({ readOnly: true, nullable: true }),
  },
  brief: ["address", "port"],
  display: "{address}:{port}",
  ordering: ["address", "port"],
  actions: {
    register: {
      path: "register",
      detail: true,
      method: "POST",
      body: z.object({ auth_profile: objectId() }).strict(),
      responses: { 202: jobs.schemas.Read },
      summary: "Register the node's server from its BMC (a job)",
    },
  },
});
