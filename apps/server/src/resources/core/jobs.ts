import type { Binding } from "../../framework/binding";
import { conflict, notFound } from "../../framework/errors";
import type { ResourceService } from "../../framework/service";
import type { Handler } from "../../http/handler";
import { jobsOf } from "../../jobs/accepted";

/** `POST /api/core/jobs/<id>/cancel/`: pending/running → cancelled; a finished job is a 409. */
export const jobActions = (svc: ResourceService, b: Binding): Record<string, Handler> => ({
  cancel: async ({ params, ctx, req }) => {
    const id = params.id as number;
    await svc.retrieve(b, id, ctx, true); // a job the caller may not see is a 404, not cancelled
    const outcome = await jobsOf(req).cancel(id);
    if (outcome === "missing") throw notFound(`No Job matches id ${id}.`);
    const job = (await svc.retrieve(b, id, ctx)) as { status: { value: string } };
    if (outcome === "final") throw conflict(`Job ${id} is already ${job.status.value}.`);
    return { status: 200, body: job };
  },
});
