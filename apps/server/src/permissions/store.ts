import { createHash } from "node:crypto";
import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { NextFunction, Request, Response } from "express";
import { principalOfRequest } from "../auth/middleware";
import type { Principal } from "../framework/context";
import { type Grant, PermissionSet, splitList } from "../framework/permissions";

/**
 * When object permissions apply (RACKPLANE_PERMISSIONS):
 * - `auto` (default): as soon as the installation holds at least one permission, every
 *   non-superuser may do only what their permissions grant; with none at all (a fresh or
 *   upgraded install) non-superusers keep the open model (everything outside users/groups);
 * - `enforce`: always — no permission, no access (NetBox's model);
 * - `off`: permissions are stored but never applied.
 */
export type PermissionMode = "auto" | "enforce" | "off";

interface Row {
  id: number;
  object_types: string;
  actions: string;
  constraints: string;
  group_ids: number[];
  user_ids: number[];
}

interface Snapshot {
  at: number;
  grants: (Grant & { groupIds: number[]; userIds: number[] })[];
  /** Sets by user and groups (`<id>|<group ids>`), built once per snapshot. */
  sets: Map<string, PermissionSet>;
}

/**
 * Every permission, held in process memory: an installation has tens of them, and a
 * request then costs no permission statement. Like token lookups (auth/token-cache.ts):
 * reloaded after `ttlMs`, dropped when a permission write through this process has
 * finished (`forgetAfterPermissionWrites`); writes by other processes (replicas, the CLI)
 * are seen within `ttlMs`. `ttlMs = 0` loads on every request.
 */
export class PermissionStore {
  private snapshot?: Snapshot;
  private loading?: Promise<Snapshot>;
  private epoch = 0;

  constructor(
    private readonly db: Database,
    readonly mode: PermissionMode,
    private readonly ttlMs: number,
  ) {}

  /** The caller's permission set; `undefined` when permissions do not apply to them. */
  async forPrincipal(p: Principal): Promise<PermissionSet | undefined> {
    if (this.mode === "off" || p.isSuperuser) return undefined;
    const snap = await this.current();
    if (this.mode === "auto" && !snap.grants.length) return undefined;
    const groups = [...p.groupIds].sort((a, b) => a - b);
    const key = `${p.id}|${groups.join(",")}`;
    let set = snap.sets.get(key);
    if (!set) {
      const mine = snap.grants.filter((g) => g.userIds.includes(p.id) || g.groupIds.some((id) => groups.includes(id)));
      const content = mine.map((g) => [g.id, g.objectTypes, g.actions, g.constraints]);
      const fingerprint = createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 16);
      set = new PermissionSet(
        mine.map(({ id, objectTypes, actions, constraints }) => ({ id, objectTypes, actions, constraints })),
        fingerprint,
      );
      if (snap.sets.size > 10_000) snap.sets.clear();
      snap.sets.set(key, set);
    }
    return set;
  }

  clear(): void {
    this.epoch++;
    this.snapshot = undefined;
  }

  private async current(): Promise<Snapshot> {
    const s = this.snapshot;
    if (s && this.ttlMs > 0 && Date.now() - s.at <= this.ttlMs) return s;
    if (!this.loading) {
      const epoch = this.epoch;
      this.loading = this.load().finally(() => {
        this.loading = undefined;
      });
      const snap = await this.loading;
      // A write that raced the load wins: this snapshot serves its requests, it is not kept.
      if (epoch === this.epoch) this.snapshot = snap;
      return snap;
    }
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    const rows = rowsOf<Row>(
      await this.db.execute(
        sql`SELECT p.id, p.object_types, p.actions, p.constraints,
              coalesce((SELECT array_agg(g.group_id) FROM object_permission_groups g WHERE g.permission_id = p.id), '{}') AS group_ids,
              coalesce((SELECT array_agg(u.user_id) FROM object_permission_users u WHERE u.permission_id = p.id), '{}') AS user_ids
            FROM object_permissions p ORDER BY p.id`,
      ),
    );
    return {
      at: Date.now(),
      sets: new Map(),
      grants: rows.map((r) => ({
        id: Number(r.id),
        objectTypes: splitList(r.object_types),
        actions: splitList(r.actions),
        constraints: r.constraints.trim(),
        groupIds: (r.group_ids ?? []).map(Number),
        userIds: (r.user_ids ?? []).map(Number),
      })),
    };
  }
}

/** Puts the caller's permission set on their principal (before the query counter: not the endpoint's statements). */
export function attachPermissions(store: PermissionStore) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const p = principalOfRequest(req);
      if (p) p.permissions = await store.forPrincipal(p);
      next();
    } catch (err) {
      next(err);
    }
  };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
/**
 * Drops the permissions held in memory once a write that can change them has finished
 * (committed): permissions themselves, and users/groups (a deleted group's grants).
 */
export function forgetAfterPermissionWrites(store: PermissionStore, paths: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!SAFE.has(req.method) && paths.some((p) => req.path.startsWith(p))) res.once("finish", () => store.clear());
    next();
  };
}
