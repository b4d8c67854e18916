import type { Database } from "@rackplane/db";
import { recordChanges } from "../framework/audit";
import { bindingOf } from "../framework/binding";
import type { Principal, RequestContext } from "../framework/context";
import { ApiError } from "../framework/errors";
import { defaultPageSettings } from "../framework/pagination";
import { ResourceService } from "../framework/service";
import type { JobRow } from "./queue";

/** Who a change log record names: the user and request behind a job or a request. */
export interface Actor {
  userId: number | null;
  username: string;
  /** The request that started the work (a job's writes carry the request that queued it). */
  requestId: string | null;
}

export const actorOfJob = (job: JobRow): Actor => ({
  userId: job.user_id ?? null,
  username: job.user_name,
  requestId: job.created_by_request ?? null,
});

export const actorOfRequest = (ctx: RequestContext): Actor => ({
  userId: ctx.user?.id ?? null,
  username: ctx.user?.username ?? "",
  requestId: ctx.requestId || null,
});

/** Representations are read as an internal call (no visibility rule); links are paths. */
const readContext = (a: Actor): RequestContext => ({ requestId: a.requestId ?? "", baseUrl: "", query: {}, path: "" });
const recordContext = (a: Actor): RequestContext => ({
  ...readContext(a),
  user: a.userId === null ? undefined : ({ id: a.userId, username: a.username } as Principal),
});

/** The representation without `updated`, which every write bumps: equal = nothing changed. */
const essence = (r: Record<string, unknown> | null) => (r ? JSON.stringify({ ...r, updated: undefined }) : "");

/**
 * Runs a write the generic service does not make (a job storing a BMC's inventory,
 * a status set by a deployment) and records the object's change — before and
 * after, as the API shows them — in the same transaction, under the actor's
 * user and request. `write` returns the object's id (it may create it: `id` null).
 * A write that changed nothing the API shows leaves no record.
 */
export async function recordedWrite(
  tx: Database,
  actor: Actor,
  key: string,
  id: number | null,
  write: () => Promise<number>,
): Promise<number> {
  const b = bindingOf(key);
  const svc = new ResourceService(tx, defaultPageSettings);
  const read = (oid: number) =>
    svc.retrieve(b, oid, readContext(actor), false, tx).catch((e) => {
      if (e instanceof ApiError && e.status === 404) return null; // not there (yet, or any more)
      throw e;
    });
  const pre = id === null ? null : await read(id);
  const written = await write();
  const post = await read(written);
  if (post && essence(pre) !== essence(post))
    await recordChanges(tx, b, recordContext(actor), pre ? "update" : "create", [{ id: written, pre, post }]);
  return written;
}
