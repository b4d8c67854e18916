import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { Logger } from "../logger";
import type { SecretBox } from "../secrets/box";

export interface ForwarderSettings {
  /** How often the outbox is polled, ms. */
  pollMs: number;
  /** First retry delay, ms; doubles per attempt (capped at an hour). */
  backoffMs: number;
  /** Deliveries claimed per poll. */
  batch: number;
}

interface Due {
  id: number;
  attempts: number;
  attempt_log: { attempts: unknown[] };
  url: string;
  basic_username: string;
  basic_password: string | null;
  max_retries: number;
  timeout: number;
  change_id: number;
  time: string;
  user_name: string;
  request_id: string | null;
  action: string;
  object_type: string;
  object_id: number;
  object_repr: string;
  prechange_data: unknown;
  postchange_data: unknown;
}

const LEASE = "5 minutes";

/**
 * Delivers the outbox (`event_deliveries`) in the background: claims due rows
 * with SKIP LOCKED (replicas share the work; a crashed worker's claim expires),
 * POSTs each change, records the attempt, and reschedules failures with
 * exponential backoff until `max_retries` is used up. The request that made the
 * change only inserted the outbox row; it never waits for this.
 */
export class Forwarder {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
    private readonly s: ForwarderSettings,
    private readonly log: Logger,
  ) {}

  start() {
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch((err) => this.log.error({ err }, "event forwarding poll failed"))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.s.pollMs).unref();
        });
    };
    this.timer = setTimeout(loop, this.s.pollMs).unref();
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One poll: claim, deliver concurrently, record. Returns when the batch is done. */
  async tick() {
    const due = rowsOf<Due>(
      await this.db.execute(sql`
        WITH claimed AS (
          UPDATE event_deliveries d SET status = 'sending', locked_until = now() + ${LEASE}::interval
          WHERE d.id IN (
            SELECT id FROM event_deliveries
            WHERE (status IN ('pending', 'retrying') AND next_attempt_at <= now())
               OR (status = 'sending' AND locked_until < now())
            ORDER BY next_attempt_at, id LIMIT ${this.s.batch} FOR UPDATE SKIP LOCKED)
          RETURNING d.id, d.attempts, d.attempt_log, d.forwarding_id, d.object_change_id)
        SELECT c.id, c.attempts, c.attempt_log, f.payload_url AS url, f.basic_username, f.basic_password, f.max_retries, f.timeout,
               oc.id AS change_id, to_json(oc.time) #>> '{}' AS time, oc.user_name, oc.request_id, oc.action,
               oc.object_type, oc.object_id, oc.object_repr, oc.prechange_data, oc.postchange_data
        FROM claimed c JOIN event_forwardings f ON f.id = c.forwarding_id
        JOIN object_changes oc ON oc.id = c.object_change_id`),
    );
    await Promise.all(due.map((d) => this.deliver(d)));
  }

  private async deliver(d: Due) {
    const started = Date.now();
    let status: number | null = null;
    let error = "";
    try {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "user-agent": "rackplane-forwarder",
        "x-rackplane-delivery": String(d.id),
        "x-rackplane-event": `${d.object_type}.${d.action}`,
      };
      if (d.basic_username) {
        const pw = d.basic_password ? this.box.open(d.basic_password) : "";
        headers.authorization = `Basic ${Buffer.from(`${d.basic_username}:${pw}`).toString("base64")}`;
      }
      const res = await fetch(d.url, {
        method: "POST",
        headers,
        body: JSON.stringify(payloadOf(d)),
        signal: AbortSignal.timeout(Math.round(d.timeout * 1000)),
        redirect: "manual",
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      error = (err as Error).name === "TimeoutError" ? `timed out after ${d.timeout}s` : String((err as Error).message);
    }
    const attempt = d.attempts + 1;
    const entry = { time: new Date().toISOString(), status_code: status, error, duration_ms: Date.now() - started };
    const log = JSON.stringify({ attempts: [...(d.attempt_log?.attempts ?? []), entry] });
    if (!error) {
      await this.db.execute(sql`
        UPDATE event_deliveries SET status = 'delivered', attempts = ${attempt}, delivered_at = now(), locked_until = NULL,
          next_attempt_at = NULL, last_status_code = ${status}, last_error = '', attempt_log = ${log}::jsonb, updated = now()
        WHERE id = ${d.id}`);
      return;
    }
    const giveUp = attempt > d.max_retries;
    const delay = Math.min(this.s.backoffMs * 2 ** (attempt - 1), 3_600_000);
    await this.db.execute(sql`
      UPDATE event_deliveries SET status = ${giveUp ? "failed" : "retrying"}, attempts = ${attempt}, locked_until = NULL,
        next_attempt_at = ${giveUp ? null : sql`now() + ${`${delay} milliseconds`}::interval`},
        last_status_code = ${status}, last_error = ${error}, attempt_log = ${log}::jsonb, updated = now()
      WHERE id = ${d.id}`);
    if (giveUp) this.log.warn({ delivery: d.id, url: d.url, error }, "event forwarding gave up");
  }
}

/** What a receiver gets: NetBox-style event with both snapshots. */
function payloadOf(d: Due) {
  return {
    event: d.action,
    timestamp: d.time,
    object_type: d.object_type,
    object_id: d.object_id,
    object_repr: d.object_repr,
    username: d.user_name,
    request_id: d.request_id,
    change_id: d.change_id,
    data: d.postchange_data ?? d.prechange_data,
    snapshots: { prechange: d.prechange_data, postchange: d.postchange_data },
  };
}
