import type { Database } from "@rackplane/db";
import { recordChanges } from "../framework/audit";
import { bindingOf } from "../framework/binding";
import type { Principal, RequestContext } from "../framework/context";
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

/** The actor as the service's context: links in the recorded representations are paths. */
const contextOf = (a: Actor): RequestContext => ({
  requestId: a.requestId ?? "",
  baseUrl: "",
  query: {},
  path: "",
  user: a.userId === null ? undefined : ({ id: a.userId, username: a.username } as Principal),
});

/**
 * Runs a write the generic service does not make (a job storing a BMC's inventory,
 * a status set by a deployment) and records the object's change — before and
 * after, as the API shows them — in the same transaction, under the actor's user
 * and request. `write` returns the object's id; with `id` null it creates the
 * object (a "create" record). Updates go through `ResourceService.recordedUpdate`,
 * so a write that changed nothing the API shows leaves no record.
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
  const ctx = contextOf(actor);
  if (id !== null) {
    await svc.recordedUpdate(tx, b, [id], ctx, write);
    return id;
  }
  const created = await write();
  const post = await svc.retrieve(b, created, { ...ctx, user: undefined }, false, tx);
  await recordChanges(tx, b, ctx, "create", [{ id: created, pre: null, post }]);
  return created;
}
