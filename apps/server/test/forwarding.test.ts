import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";
import { receiver } from "./hook-receiver";
import { until } from "./until";

let s: TestServer;
let flaky: Awaited<ReturnType<typeof receiver>>;
let envReceiver: Awaited<ReturnType<typeof receiver>>;
beforeAll(async () => {
  flaky = await receiver(2);
  envReceiver = await receiver(0);
  s = await startServer({
    RACKPLANE_FORWARDING_POLL_MS: "50",
    RACKPLANE_FORWARDING_BACKOFF_MS: "100",
    RACKPLANE_FORWARDINGS: JSON.stringify([
      { name: "from-env", url: envReceiver.url, object_types: "dcim.racks", actions: "delete" },
    ]),
  });
});
afterAll(async () => {
  await s?.close();
  await flaky?.close();
  await envReceiver?.close();
});

const deliveries = async (forwarding: number) =>
  (await s.get(`/api/core/event-deliveries/?forwarding=${forwarding}&ordering=id`)).body.results;

describe("event forwarding", () => {
  it("retries with backoff until the receiver accepts, and keeps every attempt", async () => {
    const fw = await make(s, "/api/core/event-forwardings/", {
      name: "flaky",
      payload_url: flaky.url,
      basic_username: "hook",
      basic_password: "s3cret-pass",
      max_retries: 3,
      timeout: 2,
      object_types: "dcim.regions",
      actions: "create,update",
    });
    expect(fw).not.toHaveProperty("basic_password");
    const region = await s.post("/api/dcim/regions/", { name: "Forwarded", slug: "forwarded" });
    expect(region.status).toBe(201);
    // The change never waits for delivery: that takes three attempts 100 + 200 ms of backoff
    // apart, and the answer is already here (no wall-clock bound: the machine may be busy).
    expect(flaky.got.length).toBeLessThan(3);
    await s.post("/api/dcim/data-centers/", { name: "Not forwarded", slug: "nf", region: region.body.id });

    const [d] = await until("delivery", async () => {
      const ds = await deliveries(fw.id);
      return ds[0]?.status.value === "delivered" ? ds : undefined;
    });
    expect(d.attempts).toBe(3);
    expect(d.attempt_log.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([503, 503, 200]);
    expect(d.attempt_log.attempts[0].error).toBe("HTTP 503");
    expect(d.last_status_code).toBe(200);
    expect(d.delivered_at).not.toBeNull();
    // Backoff: the gaps between attempts grow (100 ms, then 200 ms at least).
    const times = d.attempt_log.attempts.map((a: { time: string }) => Date.parse(a.time));
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(150);

    expect(flaky.got).toHaveLength(3);
    const last = flaky.got[2]!;
    expect(last.headers.authorization).toBe(`Basic ${Buffer.from("hook:s3cret-pass").toString("base64")}`);
    expect(last.headers["x-rackplane-event"]).toBe("dcim.regions.create");
    expect(last.body).toMatchObject({
      event: "create",
      object_type: "dcim.regions",
      object_id: region.body.id,
      username: "admin",
      request_id: region.headers.get("x-request-id"),
      data: { name: "Forwarded" },
      snapshots: { prechange: null },
    });
    // Only the types and actions the forwarding asked for.
    expect(flaky.got.every((g) => g.body.object_type === "dcim.regions")).toBe(true);
  });

  it("gives up after max_retries and says so", async () => {
    const dead = await receiver(1000);
    try {
      const fw = await make(s, "/api/core/event-forwardings/", {
        name: "dead",
        payload_url: dead.url,
        max_retries: 1,
        object_types: "core.tags",
      });
      await make(s, "/api/core/tags/", { name: "fw-tag", slug: "fw-tag" });
      const [d] = await until("failure", async () => {
        const ds = await deliveries(fw.id);
        return ds[0]?.status.value === "failed" ? ds : undefined;
      });
      expect(d.attempts).toBe(2);
      expect(d.last_error).toBe("HTTP 503");
      expect(d.next_attempt_at).toBeNull();
      expect(dead.got).toHaveLength(2);
    } finally {
      await dead.close();
    }
  });

  it("takes forwardings from RACKPLANE_FORWARDINGS", async () => {
    const list = await s.get("/api/core/event-forwardings/?name=from-env");
    expect(list.body.count).toBe(1);
    const rack = await make(s, "/api/dcim/racks/", {
      name: "fw-rack",
      server_room: (
        await make(s, "/api/dcim/server-rooms/", {
          name: "fw-room",
          data_center: (await make(s, "/api/dcim/data-centers/", { name: "fw-dc", slug: "fw-dc" })).id,
        })
      ).id,
    });
    expect((await s.del(`/api/dcim/racks/${rack.id}/`)).status).toBe(204);
    await until("env delivery", async () => (envReceiver.got.length ? true : undefined));
    expect(envReceiver.got).toHaveLength(1);
    expect(envReceiver.got[0]!.body).toMatchObject({ event: "delete", object_id: rack.id, data: { name: "fw-rack" } });
  });

  it("stores the password encrypted, and only superusers manage forwardings", async () => {
    const rows = rowsOf<{ basic_password: string }>(
      await s.database.db.execute(sql`SELECT basic_password FROM event_forwardings WHERE name = 'flaky'`),
    );
    expect(rows[0]!.basic_password).toMatch(/^v2:[0-9a-f]{8}:/);
    expect(rows[0]!.basic_password).not.toContain("s3cret");
    const user = await make(s, "/api/users/users/", { username: "fw-user" });
    const t = await make(s, "/api/users/tokens/", { user: user.id });
    const as = s.as(`Token ${t.key}`);
    expect((await as.get("/api/core/event-forwardings/")).status).toBe(200);
    expect(
      (await as.post("/api/core/event-forwardings/", { name: "x", payload_url: "http://127.0.0.1:9/" })).status,
    ).toBe(403);
    const bad = await s.post("/api/core/event-forwardings/", {
      name: "bad",
      payload_url: "ftp://x",
      actions: "explode",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body).sort()).toEqual(["actions", "payload_url"]);
  });
});

describe("Ralph LRS's forwarding entries on the API", () => {
  const FORWARDINGS = "/api/core/event-forwardings/";
  /** The seed's example entry: exactly its six keys. */
  const lrsEntry = (url: string) => ({
    is_active: true,
    url,
    basic_username: "ralph",
    basic_password: "PASSWORD1",
    max_retries: 1,
    timeout: 5,
  });

  it("creates one from the six keys: `url` is the target, the name comes from it", async () => {
    const target = "http://127.0.0.1:9/xAPI/statements/";
    const r = await s.post(FORWARDINGS, lrsEntry(target));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      name: "127.0.0.1:9/xAPI/statements",
      payload_url: target,
      is_active: true,
      basic_username: "ralph",
      max_retries: 1,
      timeout: 5,
    });
    // `url` stays the object's own address; the password is never read back.
    expect(r.body.url).toMatch(new RegExp(`${FORWARDINGS}${r.body.id}/$`));
    expect(r.body).not.toHaveProperty("basic_password");
    // The same entry again: the name is taken, so `#2`, as RACKPLANE_FORWARDINGS names a repeat.
    const again = await s.post(FORWARDINGS, lrsEntry(target));
    expect(again.status).toBe(201);
    expect(again.body.name).toBe("127.0.0.1:9/xAPI/statements #2");
    // A bulk create of two more: each item sees the names given before it in the same request.
    const bulk = await s.post(FORWARDINGS, [
      lrsEntry(target),
      { ...lrsEntry(target), name: "lrs-named" },
      lrsEntry(target),
    ]);
    expect(bulk.status).toBe(201);
    expect(bulk.body.map((x: { name: string }) => x.name)).toEqual([
      "127.0.0.1:9/xAPI/statements #3",
      "lrs-named",
      "127.0.0.1:9/xAPI/statements #4",
    ]);
    // Naming reads the forwardings once per request, not once per unnamed item.
    const one = await s.post(FORWARDINGS, [lrsEntry("http://127.0.0.1:9/one/")]);
    const five = await s.post(
      FORWARDINGS,
      [1, 2, 3, 4, 5].map((n) => lrsEntry(`http://127.0.0.1:9/five-${n}/`)),
    );
    expect([one.status, five.status]).toEqual([201, 201]);
    expect(five.queries).toBe(one.queries);
  });

  it("takes `url` on PATCH, PUT and bulk writes; both with different values is a 400 on `url`", async () => {
    const fw = await make(s, FORWARDINGS, { ...lrsEntry("http://127.0.0.1:9/a"), name: "alias-writes" });
    const patched = await s.patch(`${FORWARDINGS}${fw.id}/`, { url: "http://127.0.0.1:9/b" });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ payload_url: "http://127.0.0.1:9/b", name: "alias-writes" });
    expect(patched.body.url).toMatch(new RegExp(`${FORWARDINGS}${fw.id}/$`));

    const differ = await s.patch(`${FORWARDINGS}${fw.id}/`, {
      url: "http://127.0.0.1:9/c",
      payload_url: "http://127.0.0.1:9/d",
    });
    expect(differ.status).toBe(400);
    expect(Object.keys(differ.body)).toEqual(["url"]);
    expect(differ.body.url[0]).toContain("payload_url");
    expect((await s.get(`${FORWARDINGS}${fw.id}/`)).body.payload_url).toBe("http://127.0.0.1:9/b");
    const createDiffer = await s.post(FORWARDINGS, {
      ...lrsEntry("http://127.0.0.1:9/c"),
      payload_url: "http://127.0.0.1:9/d",
    });
    expect(createDiffer.status).toBe(400);
    expect(Object.keys(createDiffer.body)).toEqual(["url"]);

    // The same value under both names is one value.
    const same = await s.patch(`${FORWARDINGS}${fw.id}/`, {
      url: "http://127.0.0.1:9/e",
      payload_url: "http://127.0.0.1:9/e",
    });
    expect(same.status).toBe(200);
    expect(same.body.payload_url).toBe("http://127.0.0.1:9/e");

    // A representation sent back as it was read: its `url` is the object's address, not the alias.
    const read = (await s.get(`${FORWARDINGS}${fw.id}/`)).body;
    const roundTrip = await s.put(`${FORWARDINGS}${fw.id}/`, read);
    expect(roundTrip.status, JSON.stringify(roundTrip.body)).toBe(200);
    expect(roundTrip.body).toMatchObject({ payload_url: "http://127.0.0.1:9/e", url: read.url });

    // PUT without a name: named after the URL, like a create (itself excluded from the clash check).
    const put = await s.put(`${FORWARDINGS}${fw.id}/`, { url: "http://127.0.0.1:9/put-target" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: "127.0.0.1:9/put-target", payload_url: "http://127.0.0.1:9/put-target" });
    const putAgain = await s.put(`${FORWARDINGS}${fw.id}/`, { url: "http://127.0.0.1:9/put-target" });
    expect(putAgain.body.name).toBe("127.0.0.1:9/put-target");

    const bulkPatch = await s.patch(FORWARDINGS, [{ id: fw.id, url: "http://127.0.0.1:9/bulk" }]);
    expect(bulkPatch.status).toBe(200);
    expect(bulkPatch.body[0].payload_url).toBe("http://127.0.0.1:9/bulk");
    const bulkPut = await s.put(FORWARDINGS, [{ id: fw.id, name: "alias-writes", url: "http://127.0.0.1:9/bulk-put" }]);
    expect(bulkPut.status).toBe(200);
    expect(bulkPut.body[0]).toMatchObject({ name: "alias-writes", payload_url: "http://127.0.0.1:9/bulk-put" });
    const bulkDiffer = await s.patch(FORWARDINGS, [
      { id: fw.id, url: "http://127.0.0.1:9/x", payload_url: "http://127.0.0.1:9/y" },
    ]);
    expect(bulkDiffer.status).toBe(400);
    expect(bulkDiffer.body).toEqual([{ url: [expect.any(String)] }]);
  });

  it("without either name for the target, names `payload_url` in the 400", async () => {
    const { url: _, ...noTarget } = lrsEntry("http://127.0.0.1:9/");
    const created = await s.post(FORWARDINGS, noTarget);
    expect(created.status).toBe(400);
    expect(created.body).toEqual({ payload_url: ["This field is required."] });
    // With another field's error: both in the same 400.
    const both = await s.post(FORWARDINGS, { ...noTarget, max_retries: 99 });
    expect(both.status).toBe(400);
    expect(Object.keys(both.body).sort()).toEqual(["max_retries", "payload_url"]);
    const fw = await make(s, FORWARDINGS, { name: "alias-put", payload_url: "http://127.0.0.1:9/" });
    const put = await s.put(`${FORWARDINGS}${fw.id}/`, { name: "alias-put" });
    expect(put.status).toBe(400);
    expect(put.body).toEqual({ payload_url: ["This field is required."] });
  });

  it("OPTIONS describes `url` as another name for `payload_url`, neither required alone", async () => {
    const r = await s.request("OPTIONS", FORWARDINGS);
    expect(r.status).toBe(200);
    const post = r.body.actions.POST;
    expect(post.url).toMatchObject({ alias_of: "payload_url", required: false, write_only: true });
    expect(post.payload_url.required).toBe(false);
    expect(post.payload_url.help_text).toContain("Required unless `url` is given.");
    expect(post.name.required).toBe(false);
  });

  it("delivers to the URL given as `url`", async () => {
    const lrs = await receiver(0);
    try {
      const fw = await make(s, FORWARDINGS, {
        ...lrsEntry(lrs.url),
        basic_password: "PASSWORD2",
        object_types: "core.tags",
        actions: "create",
      });
      const tag = await make(s, "/api/core/tags/", { name: "lrs-tag", slug: "lrs-tag" });
      const [d] = await until("delivery to the aliased url", async () => {
        const ds = await deliveries(fw.id);
        return ds[0]?.status.value === "delivered" ? ds : undefined;
      });
      expect(d.attempts).toBe(1);
      expect(lrs.got).toHaveLength(1);
      expect(lrs.got[0]!.body).toMatchObject({ event: "create", object_type: "core.tags", object_id: tag.id });
      expect(lrs.got[0]!.headers.authorization).toBe(`Basic ${Buffer.from("ralph:PASSWORD2").toString("base64")}`);
    } finally {
      await lrs.close();
    }
  });
});
