import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { conflict, defineBinding, notFound } from "../../framework";
import { jobsOf } from "../../jobs/accepted";
import { jobAccess } from "../rules/access";

/** Jobs follow the object they act on (rules/access.ts). */
export const jobs = defineBinding(resources.core.jobs, schema.jobs, {
  access: jobAccess,
  actions: ({ svc, binding }) => ({
    /** `POST /api/core/jobs/<id>/cancel/`: pending/running → cancelled; a finished job is a 409. */
    cancel: async ({ params: { id }, ctx, req }) => {
      await svc.retrieve(binding, id, ctx, true); // a job the caller may not see is a 404, not cancelled
      const outcome = await jobsOf(req).cancel(id);
      if (outcome === "missing") throw notFound(`No Job matches id ${id}.`);
      const job = await svc.retrieve(binding, id, ctx);
      if (outcome === "final") throw conflict(`Job ${id} is already ${statusOf(job)}.`);
      return { status: 200, body: job };
    },
  }),
});

/** The `status` choice of a job representation (`{value, label}`). */
const statusOf = (job: Record<string, unknown>) => {
  const status = job.status;
  return typeof status === "object" && status !== null && "value" in status ? String(status.value) : String(status);
};
