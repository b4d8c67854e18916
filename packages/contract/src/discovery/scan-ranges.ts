import { z } from "zod";
import { choices, f } from "../common/fields";
import { objectId } from "../common/object-id";
import { defineResource } from "../common/resource";
import { jobs } from "../core/jobs";

export const ScanRangeStatus = choices("ScanRangeStatus", { ready: "Ready", scanning: "Scanning", failed: "Failed" });

const port = z.number().int().min(1, "Ports are 1–65535.").max(65535, "Ports are 1–65535.");
export const ScanPorts = z.array(port).min(1, "Give at least one port.").max(32, "At most 32 ports.");

export const scanRanges = defineResource({
  app: "discovery",
  name: "scan-ranges",
  model: "ScanRange",
  description:
    "Address ranges probed for BMCs: every address from `ip_from` to `ip_to` on every port in `ports`. " +
    "A range larger than the server's limit (RACKPLANE_SCAN_MAX_ADDRESSES) is refused.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    ip_from: f.ip({ required: true, family: 4, search: true }),
    ip_to: f.ip({ required: true, family: 4, search: true }),
    ports: f.json({ schema: ScanPorts, default: [443], description: "TCP ports to probe, e.g. `[443, 8000]`." }),
    status: f.choice(ScanRangeStatus, { readOnly: true, search: true }),
    last_scanned: f.datetime({ readOnly: true, nullable: true }),
    nodes_found: f.int({ readOnly: true }),
  },
  brief: ["name"],
  ordering: ["name"],
  actions: {
    runScan: {
      path: "run_scan",
      detail: false,
      appLevel: true,
      method: "POST",
      body: z.object({ scan_ranges: z.array(objectId()).min(1, "Name at least one scan range.") }).strict(),
      responses: { 202: jobs.schemas.Read },
      summary: "Scan ranges for Redfish BMCs (a job); found BMCs become nodes",
    },
  },
});
