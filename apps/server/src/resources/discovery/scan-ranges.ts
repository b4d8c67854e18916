import { type FieldErrors, resources, ScanPorts } from "@rackplane/contract";
import { rowsOf, schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { ipv4ToInt } from "../../discovery/ipv4";
import { SCAN_JOB } from "../../discovery/scan";
import { anyId, badRequest, defineBinding, type WriteCheck } from "../../framework";
import { accepted, jobsOf } from "../../jobs/accepted";

const maxAddresses = () => Number(process.env.RACKPLANE_SCAN_MAX_ADDRESSES ?? 1024);

/** Scan ranges: IPv4 ranges of bounded size; `run_scan` queues one scan job over several. */
export const scanRanges = defineBinding(resources.discovery.scanRanges, schema.scanRanges, {
  validate: [rangeIsScannable],
  actions: ({ svc, binding }) => ({
    runScan: async ({ body, ctx, req }) => {
      const ids = [...new Set(body.scan_ranges)];
      const found = rowsOf<{ id: number }>(
        await jobsOf(req).db.execute(sql`SELECT id FROM ${schema.scanRanges} WHERE id ${anyId(ids)}`),
      ).map((r) => r.id);
      const missing = ids.filter((i) => !found.includes(i));
      if (missing.length) throw badRequest({ scan_ranges: [`No scan range matches id ${missing.join(", ")}.`] });
      return accepted(req, svc, ctx, { kind: SCAN_JOB, params: { scan_ranges: ids } }, async (tx) => {
        // The status change is recorded in the change log, in the transaction that queues the job.
        await svc.recordedUpdate(tx, binding, ids, ctx, () =>
          tx.execute(
            sql`UPDATE ${schema.scanRanges} SET status = 'scanning', updated = now(),
              updated_by_request = ${ctx.requestId || null} WHERE id ${anyId(ids)}`,
          ),
        );
      });
    },
  }),
});

/** Ports parse, the range runs upwards and is no larger than one scan may cover. */
function rangeIsScannable({ values }: WriteCheck): FieldErrors | undefined {
  const ports = ScanPorts.safeParse(values.ports);
  if (!ports.success) return { ports: ports.error.issues.map((i) => i.message) };
  const from = ipv4ToInt(String(values.ip_from));
  const to = ipv4ToInt(String(values.ip_to));
  if (to < from) return { ip_to: ["ip_to must not come before ip_from."] };
  const size = to - from + 1;
  if (size > maxAddresses())
    return { ip_to: [`The range holds ${size} addresses; at most ${maxAddresses()} may be scanned at once.`] };
  return undefined;
}
