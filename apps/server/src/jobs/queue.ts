import { type Database, type DatabaseHandle, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { Logger } from "pino";
import "./kinds";
import { jobHandler } from "./registry";

/** The one pg-boss queue; the job's `kind` (our row) picks the handler. */
const QUEUE = "rackplane-jobs";
const FINAL = ["completed", "failed", "cancelled"];

export interface JobRow {
  id: number;
  kind: string;
  status: string;
  params: Record<string, unknown>;
  attempts: number;
  user_name: string;
  user_id: number | null;
  /** The request that queued the job; its writes are logged under it. */
  created_by_request: string | null;
  object_type: string;
  object_id: number | null;
}

export interface EnqueueRequest {
  kind: string;
  params?: Record<string, unknown>;
  user?: string;
  userId?: number;
  /** The queuing request's id (a UUID). */
  requestId?: string;
  object?: { type: string; id: number };
}

export interface JobQueueOptions {
  /** pg-boss heartbeat: a claimed job whose worker stops beating this long is retried. >= 10. */
  heartbeatSeconds: number;
  /** How often pg-boss's monitor looks for missed heartbeats. */
  monitorIntervalSeconds: number;
  /** Jobs run at once by this process. */
  concurrency: number;
  /** Deliveries before a job that keeps getting interrupted is failed. */
  maxAttempts: number;
  log: Logger;
}

/** Raised inside a handler when the job was cancelled; the run stops without a failure. */
export class JobCancelled extends Error {
  constructor() {
    super("Job cancelled.");
  }
}

/**
 * Durable jobs. pg-boss (in the database, PGlite or PostgreSQL) claims each job for
 * exactly one worker with row locks, keeps a heartbeat while it runs and hands it to
 * another worker when the claiming process dies. The `jobs` table is the API's view:
 * status, progress, result, error.
 */
export class JobQueue {
  private boss: PgBoss;
  private readonly running = new Map<number, AbortController>();
  private stopping = false;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly opts: JobQueueOptions,
  ) {
    const { url, pglite } = handle.connection;
    this.boss = pglite
      ? new PgBoss({ db: fromPglite(pglite), backend: "pglite", ...this.bossTiming() })
      : new PgBoss({ connectionString: url, max: 3, ...this.bossTiming() });
    this.boss.on("error", (e) => opts.log.error({ err: e }, "job queue error"));
  }

  private bossTiming() {
    return {
      monitorIntervalSeconds: this.opts.monitorIntervalSeconds,
      superviseIntervalSeconds: this.opts.monitorIntervalSeconds,
      schedule: false,
    };
  }

  get db(): Database {
    return this.handle.db;
  }

  async start() {
    await this.boss.start();
    await this.boss.createQueue(QUEUE, {
      heartbeatSeconds: this.opts.heartbeatSeconds,
      retryLimit: this.opts.maxAttempts,
      retryDelay: 0,
      expireInSeconds: 3600,
    });
    await this.boss.work<{ id: number }>(
      QUEUE,
      { localConcurrency: this.opts.concurrency, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (job) await this.run(job.data.id, job.signal);
      },
    );
  }

  /**
   * Stops taking jobs. Jobs running here are interrupted and left to pg-boss, which
   * hands them to another worker (or this one after a restart) once their heartbeat stops.
   */
  async stop() {
    this.stopping = true;
    for (const ac of this.running.values()) ac.abort(new Error("server stopping"));
    await this.boss.stop({ graceful: false, close: true, timeout: 2000 });
  }

  /**
   * Records a job and queues it in the caller's transaction, so the job exists
   * exactly when the caller's writes do.
   */
  async enqueue(tx: Database, req: EnqueueRequest): Promise<JobRow> {
    if (!jobHandler(req.kind)) throw new Error(`no job handler for ${req.kind}`);
    const [row] = rowsOf<JobRow>(
      await tx.execute(sql`INSERT INTO jobs (kind, params, user_name, user_id, created_by_request, object_type, object_id)
        VALUES (${req.kind}, ${JSON.stringify(req.params ?? {})}::jsonb, ${req.user ?? ""}, ${req.userId ?? null}::int,
          ${req.requestId || null}::uuid, ${req.object?.type ?? ""}, ${req.object?.id ?? null})
        RETURNING id, kind, status, params, attempts, user_name, user_id, created_by_request, object_type, object_id`),
    );
    const queueId = await this.boss.send(QUEUE, { id: row!.id }, { db: fromDrizzle(tx as never, sql as never) });
    await tx.execute(sql`UPDATE jobs SET queue_job_id = ${queueId} WHERE id = ${row!.id}`);
    return row!;
  }

  /** Marks a job cancelled; a running handler sees it at its next progress report (or its signal). */
  async cancel(id: number): Promise<"cancelled" | "final" | "missing"> {
    const rows = rowsOf<{ queue_job_id: string | null }>(
      await this.db.execute(sql`UPDATE jobs SET status = 'cancelled', finished = now(), updated = now()
        WHERE id = ${id} AND status IN ('pending', 'running') RETURNING queue_job_id`),
    );
    if (!rows.length) {
      const exists = rowsOf(await this.db.execute(sql`SELECT 1 FROM jobs WHERE id = ${id}`)).length > 0;
      return exists ? "final" : "missing";
    }
    this.running.get(id)?.abort(new JobCancelled());
    const queueId = rows[0]!.queue_job_id;
    if (queueId) await this.boss.cancel(QUEUE, queueId).catch(() => undefined);
    return "cancelled";
  }

  /** One delivery of a job to this process. */
  private async run(id: number, bossSignal: AbortSignal) {
    const [job] = rowsOf<JobRow>(
      await this.db.execute(
        sql`SELECT id, kind, status, params, attempts, user_name, user_id, created_by_request, object_type, object_id FROM jobs WHERE id = ${id}`,
      ),
    );
    if (!job || FINAL.includes(job.status)) return;
    const handler = jobHandler(job.kind);
    if (!handler) return this.finish(id, "failed", null, `No handler for job kind ${job.kind}.`);
    if (job.attempts >= this.opts.maxAttempts)
      return this.finish(
        id,
        "failed",
        null,
        `Interrupted ${job.attempts} times (the server running it stopped); giving up.`,
      );
    const claimed = rowsOf(
      await this.db.execute(sql`UPDATE jobs SET status = 'running', attempts = attempts + 1, progress = 0, error = '',
          started = coalesce(started, now()), updated = now()
        WHERE id = ${id} AND status IN ('pending', 'running') RETURNING id`),
    );
    if (!claimed.length) return;

    const ac = new AbortController();
    const onBossAbort = () => ac.abort(new JobCancelled());
    bossSignal.addEventListener("abort", onBossAbort);
    this.running.set(id, ac);
    try {
      const result = await handler({
        job,
        params: job.params,
        db: this.db,
        signal: ac.signal,
        log: this.opts.log.child({ job: id, kind: job.kind }),
        enqueue: (tx, req) => this.enqueue(tx, req),
        progress: async (pct) => {
          if (ac.signal.aborted) throw ac.signal.reason;
          const alive = rowsOf(
            await this.db.execute(sql`UPDATE jobs SET progress = ${Math.max(0, Math.min(99, Math.round(pct)))}, updated = now()
              WHERE id = ${id} AND status = 'running' RETURNING id`),
          );
          if (!alive.length) {
            ac.abort(new JobCancelled());
            throw new JobCancelled();
          }
        },
      });
      await this.finish(id, "completed", result ?? null, "");
    } catch (e) {
      if (this.stopping && !(ac.signal.reason instanceof JobCancelled)) throw e; // left for another worker
      if (e instanceof JobCancelled || ac.signal.reason instanceof JobCancelled) return;
      await this.finish(id, "failed", null, e instanceof Error ? e.message : String(e));
    } finally {
      bossSignal.removeEventListener("abort", onBossAbort);
      this.running.delete(id);
    }
  }

  private async finish(id: number, status: string, result: unknown, error: string) {
    await this.db.execute(sql`UPDATE jobs SET status = ${status}, result = ${result === null ? null : JSON.stringify(result)}::jsonb,
        error = ${error}, progress = CASE WHEN ${status} = 'completed' THEN 100 ELSE progress END, finished = now(), updated = now()
      WHERE id = ${id} AND status IN ('pending', 'running')`);
    if (status === "failed") this.opts.log.warn({ job: id, error }, "job failed");
  }
}
