import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { conflict } from "../framework/errors";
import { anyId } from "../framework/sql";
import { JOBS } from "./server-jobs";

/** Jobs that own a server while they run: nothing may move, delete or re-target it meanwhile. */
const EXCLUSIVE: Record<string, string> = { [JOBS.deploy]: "an OS deployment", [JOBS.firmware]: "a firmware update" };

interface Busy {
  server: number;
  name: string;
  job: number;
  kind: string;
  status: string;
}

/** The pending or running exclusive job of each of `ids` that has one (one statement). */
export async function busyServers(db: Database, ids: number[]): Promise<Busy[]> {
  if (!ids.length) return [];
  return rowsOf<Busy>(
    await db.execute(sql`SELECT DISTINCT ON (j.object_id) j.object_id AS server, s.name, j.id AS job, j.kind, j.status
      FROM jobs j JOIN servers s ON s.id = j.object_id
      WHERE j.object_type = 'dcim.servers' AND j.object_id ${anyId(ids)}
        AND j.kind IN (${sql.join(
          Object.keys(EXCLUSIVE).map((k) => sql`${k}`),
          sql`, `,
        )}) AND j.status IN ('pending', 'running')
      ORDER BY j.object_id, j.id`),
  );
}

/**
 * Refuses `doing` (“be removed from its pool”, “be deleted”, …) with a 409 naming
 * the job that holds each busy server, so the client knows what to wait for.
 */
export async function refuseBusy(db: Database, ids: number[], doing: string) {
  const busy = await busyServers(db, ids);
  if (!busy.length) return;
  const why = busy.map(
    (b) => `server ${b.name} is in ${EXCLUSIVE[b.kind]} (job ${b.job}, ${b.status}; GET /api/core/jobs/${b.job}/)`,
  );
  throw conflict(`Cannot ${doing} while ${why.join("; ")}. Wait until the job finishes.`);
}

/** Serialises concurrent starts on one server: the second waits for the first's job row, then sees it. */
export const lockServer = (tx: Database, id: number) =>
  tx.execute(sql`SELECT 1 FROM servers WHERE id = ${id} FOR UPDATE`);
