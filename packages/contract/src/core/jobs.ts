import { z } from "zod";
import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";
import { ErrorDetail } from "../common/schemas";

export const JobStatus = choices("JobStatus", {
  pending: "Pending",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
});

/**
 * Long operations. Every action that talks to machines (scan, register, firmware
 * update, OS deployment, power) answers 202 with one of these; poll it until its
 * status is completed, failed or cancelled.
 */
export const jobs = defineResource({
  app: "core",
  name: "jobs",
  model: "Job",
  description:
    "Long operations run by the durable job queue. Read-only; survive restarts, run once across server processes, can be cancelled.",
  fields: {
    kind: f.string({ readOnly: true, search: true, description: "What the job does, e.g. `discovery.scan`." }),
    status: f.choice(JobStatus, { readOnly: true }),
    progress: f.int({ readOnly: true, min: 0, max: 100 }),
    params: f.json({ readOnly: true }),
    result: f.json({ readOnly: true, nullable: true }),
    error: f.text({ readOnly: true }),
    user: f.fk("users.users", {
      nullable: true,
      readOnly: true,
      by: ["username"],
      description: "Who started the job; the job's changes are in the change log under this user.",
    }),
    user_name: f.string({ readOnly: true, description: "Who started the job (kept if the user is deleted)." }),
    object_type: f.string({ readOnly: true, description: "`app.resource` of the object the job acts on, if one." }),
    object_id: f.int({ readOnly: true, nullable: true }),
    attempts: f.int({ readOnly: true }),
    started: f.datetime({ readOnly: true, nullable: true }),
    finished: f.datetime({ readOnly: true, nullable: true }),
  },
  brief: ["kind", "status", "progress"],
  display: "{kind} #{id}",
  ordering: ["-created"],
  tags: false,
  comments: false,
  readOnly: true,
  actions: {
    cancel: {
      path: "cancel",
      detail: true,
      method: "POST",
      // Lazy: the job as read, which `defineResource` builds from these very fields.
      responses: { 200: z.lazy((): z.ZodTypeAny => jobs.schemas.Read), 409: ErrorDetail },
      summary: "Cancel a pending or running job",
    },
  },
});
