import { AUTH } from "./processes";

/**
 * A non-superuser caller for the benchmark (issue 13: no regression for a non-superuser):
 * a user of one group that holds half of the seeded pools, with a `view` permission on
 * dcim and pools. Their lists and details carry the scope — the group's pools, the
 * permission — in the same statements, so these shapes next to the superuser's show its cost.
 * Set up through the API on the seeded database, idempotently (a reused seed keeps it).
 */
export const RESTRICTED_TOKEN = "fedcba9876543210fedcba9876543210fedcba98";
export const RESTRICTED_AUTH: Record<string, string> = { authorization: `Token ${RESTRICTED_TOKEN}` };

export interface RestrictedShape {
  shape: string;
  paths: string[];
  floor: false;
  headers: Record<string, string>;
}

async function api<T = any>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const r = await fetch(base + path, {
    method,
    headers: {
      ...AUTH,
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json().catch(() => undefined)) as T };
}

/** The object named `value` in `field` of list `path`, created with `body` when absent. */
async function ensure(base: string, path: string, field: string, value: string, body: unknown): Promise<number> {
  const found = await api(base, "GET", `${path}?${field}=${encodeURIComponent(value)}`);
  if (found.body?.results?.[0]) return found.body.results[0].id;
  const made = await api(base, "POST", path, body);
  if (made.status !== 201) throw new Error(`POST ${path} → ${made.status} ${JSON.stringify(made.body)}`);
  return made.body.id;
}

export async function restrictedShapes(base: string): Promise<RestrictedShape[]> {
  const group = await ensure(base, "/api/users/groups/", "name", "bench-team", { name: "bench-team" });
  const user = await ensure(base, "/api/users/users/", "username", "bench-user", {
    username: "bench-user",
    password: "bench-user-password-1",
    groups: [group],
  });
  const token = await api(base, "POST", "/api/users/tokens/", { user, key: RESTRICTED_TOKEN });
  if (token.status !== 201 && token.status !== 409) throw new Error(`token → ${token.status}`);
  // Every other seeded pool belongs to the team; the rest stay the superuser's (a pool without a group).
  const pools = await api<{ results: { id: number }[] }>(base, "GET", "/api/pools/pools/?limit=1000&ordering=name");
  const mine = pools.body.results.filter((_, i) => i % 2 === 0).map((p) => ({ id: p.id, group }));
  const assigned = await api(base, "PATCH", "/api/pools/pools/", mine);
  if (assigned.status !== 200) throw new Error(`pools → ${assigned.status}`);
  await ensure(base, "/api/users/permissions/", "name", "bench-view", {
    name: "bench-view",
    object_types: "dcim.*,pools.*,core.tags",
    actions: "view",
    groups: [group],
  });
  const seen = await fetch(`${base}/api/dcim/servers/?limit=1000&fields=id`, { headers: RESTRICTED_AUTH });
  const ids = ((await seen.json()) as { results: { id: number }[] }).results.map((r) => r.id);
  if (!ids.length) throw new Error("the restricted caller sees no server");
  const detail = Array.from({ length: 100 }, (_, i) => `/api/dcim/servers/${ids[Math.floor((i * ids.length) / 100)]}/`);
  return [
    {
      shape: "restricted list page+count",
      paths: ["/api/dcim/servers/?limit=50"],
      floor: false,
      headers: RESTRICTED_AUTH,
    },
    {
      shape: "restricted filtered page+count",
      paths: ["/api/dcim/servers/?status=in_use&limit=50"],
      floor: false,
      headers: RESTRICTED_AUTH,
    },
    { shape: "restricted detail", paths: detail, floor: false, headers: RESTRICTED_AUTH },
  ];
}
