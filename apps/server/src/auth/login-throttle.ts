import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { ApiError } from "../framework/errors";

export interface LoginThrottleSettings {
  /** Failed sign-ins per username in a window (RACKPLANE_LOGIN_MAX_FAILURES); 0 = unlimited. */
  perUsername: number;
  /** Failed sign-ins per client address in a window (RACKPLANE_LOGIN_MAX_FAILURES_PER_ADDRESS); 0 = unlimited. */
  perAddress: number;
  /** RACKPLANE_LOGIN_WINDOW, seconds. */
  windowSeconds: number;
}

/** One sign-in attempt, counted as a failure until `succeeded()` says otherwise. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * Online password guessing is throttled per username and per client address, in
 * fixed windows counted in the database (`login_failures`), so replicas share the
 * counters. The attempt is counted *before* the password is checked, in the same
 * statement that reads the counters: concurrent guesses cannot slip past the limit,
 * and a refused attempt costs no bcrypt work at all. A sign-in that succeeds is
 * taken back off the address's count and clears the username's.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly s: LoginThrottleSettings,
  ) {}

  /** Counts an attempt of `username` from `address`; a 429 with Retry-After when either is over its limit. */
  async begin(username: string, address: string | undefined): Promise<LoginAttempt> {
    const subjects: [string, number][] = [];
    if (this.s.perUsername > 0) subjects.push([`user:${username.toLowerCase().slice(0, 200)}`, this.s.perUsername]);
    if (this.s.perAddress > 0 && address) subjects.push([`addr:${address}`, this.s.perAddress]);
    if (!subjects.length) return { succeeded: async () => {} };
    const now = Date.now() / 1000;
    const start = Math.floor(now / this.s.windowSeconds) * this.s.windowSeconds;
    const rows = rowsOf<{ subject: string; failures: number }>(
      await this.db.execute(
        sql`INSERT INTO login_failures (subject, window_start, failures)
            VALUES ${sql.join(
              subjects.map(([subject]) => sql`(${subject}, to_timestamp(${start}), 1)`),
              sql`, `,
            )}
            ON CONFLICT (subject, window_start) DO UPDATE SET failures = login_failures.failures + 1
            RETURNING subject, failures`,
      ),
    );
    const count = new Map(rows.map((r) => [r.subject, Number(r.failures)]));
    if (count.size && [...count.values()].every((n) => n === 1) && Math.random() < 0.05) {
      // A new window: old ones are dropped now and then, not on every attempt.
      await this.db.execute(sql`DELETE FROM login_failures WHERE window_start < to_timestamp(${start})`);
    }
    if (subjects.some(([subject, limit]) => (count.get(subject) ?? 0) > limit)) {
      const retry = Math.max(1, Math.ceil(start + this.s.windowSeconds - now));
      throw new ApiError(
        429,
        { detail: `Too many failed sign-ins. Try again in ${retry} seconds.` },
        { "Retry-After": String(retry) },
      );
    }
    const [user, addr] = [subjects.find(([s]) => s.startsWith("user:")), subjects.find(([s]) => s.startsWith("addr:"))];
    return {
      succeeded: async () => {
        await this.db.execute(
          sql`WITH cleared AS (
                DELETE FROM login_failures WHERE subject = ${user?.[0] ?? ""} AND window_start = to_timestamp(${start})
              )
              UPDATE login_failures SET failures = failures - 1
              WHERE subject = ${addr?.[0] ?? ""} AND window_start = to_timestamp(${start}) AND failures > 0`,
        );
      },
    };
  }
}
