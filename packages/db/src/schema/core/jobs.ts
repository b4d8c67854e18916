import { index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { users } from "../users/users";

/**
 * Long operations (scans, registrations, firmware updates, OS deployments). This row
 * is what the API shows; the queueing itself (claiming, heartbeats, retries after a
 * crash) is pg-boss's, whose job id is kept in `queue_job_id`.
 */
export const jobs = pgTable(
  "jobs",
  {
    ...standardColumns,
    kind: varchar("kind", { length: 50 }).notNull(),
    status: varchar("status", { length: 20 }).notNull().default("pending"),
    progress: integer("progress").notNull().default(0),
    params: jsonb("params").notNull().default({}),
    result: jsonb("result"),
    error: text("error").notNull().default(""),
    user_name: varchar("user_name", { length: 150 }).notNull().default(""),
    /** Who started the job: its writes are recorded in the change log under this user. */
    user_id: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    object_type: varchar("object_type", { length: 50 }).notNull().default(""),
    object_id: integer("object_id"),
    attempts: integer("attempts").notNull().default(0),
    started: timestamp("started", { withTimezone: true, precision: 6 }),
    finished: timestamp("finished", { withTimezone: true, precision: 6 }),
    queue_job_id: uuid("queue_job_id"),
  },
  (t) => [
    ...standardIndexes("jobs", t),
    index("jobs_status_idx").on(t.status),
    index("jobs_kind_idx").on(t.kind),
    index("jobs_object_idx").on(t.object_type, t.object_id),
  ],
);
