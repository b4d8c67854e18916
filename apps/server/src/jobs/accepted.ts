import type { Database } from "@rackplane/db";
import type { Request } from "express";
import { bindingOf } from "../framework/binding";
import type { RequestContext } from "../framework/context";
import type { ResourceService } from "../framework/service";
import type { EnqueueRequest, JobQueue } from "./queue";

export const jobsOf = (req: Request) => req.app.locals.jobs as JobQueue;

/**
 * The answer of every long action: queue the job (in the transaction of any
 * writes the action made, when `tx` is given) and reply 202 with it.
 */
export async function accepted(
  req: Request,
  svc: ResourceService,
  ctx: RequestContext,
  job: EnqueueRequest,
  /** Writes that must happen with the job, or not at all (a status change). */
  before?: (tx: Database) => Promise<void>,
): Promise<{ status: 202; body: Record<string, unknown>; headers: Record<string, string> }> {
  const queue = jobsOf(req);
  const row = await queue.db.transaction(async (tx) => {
    await before?.(tx as Database);
    return queue.enqueue(tx as Database, {
      // Who started it (the caller as authenticated); its writes are logged under them.
      user: ctx.user?.username ?? "",
      userId: ctx.user?.id,
      requestId: ctx.requestId,
      ...job,
    });
  });
  const body = await svc.retrieve(bindingOf("core.jobs"), row.id, ctx);
  return { status: 202, body, headers: { Location: String((body as { url: string }).url) } };
}
