import type { TokenRow } from "./principal";

/**
 * A short-lived, per-process memory of token lookups (by the key's hash), so a
 * request storm of one token costs no identity statement per request.
 *
 * Why it stays correct: expiry is still checked on every request against the
 * cached `expires`; every identity write through this process (users, groups,
 * tokens, memberships) drops the whole cache when it has committed (see
 * `forgetAfterIdentityWrites`); writes by other processes (another replica, the
 * CLI) are seen within `ttlMs` at most. `RACKPLANE_AUTH_CACHE_SECONDS=0` turns it off.
 */
export class TokenCache {
  private entries = new Map<string, { row: TokenRow; at: number }>();
  /** Bumped on every invalidation: a lookup that started before it must not be cached. */
  private epoch = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get enabled() {
    return this.ttlMs > 0;
  }

  get(hash: string): TokenRow | undefined {
    const hit = this.entries.get(hash);
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.ttlMs) {
      this.entries.delete(hash);
      return undefined;
    }
    return hit.row;
  }

  /** The epoch to pass to `set` — taken before the lookup, so a racing invalidation wins. */
  begin(): number {
    return this.epoch;
  }

  set(hash: string, row: TokenRow, epoch: number): void {
    if (!this.enabled || epoch !== this.epoch) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(hash, { row, at: Date.now() });
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }
}
