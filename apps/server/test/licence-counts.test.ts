import { schema } from "@rackplane/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectLicencesNotOverAssigned } from "../src/resources/rules/licence-counts";
import { make, startServer, type TestServer } from "./harness";

/**
 * The licence rule runs after every server write with the ids written. A bulk create of
 * 100,000 servers gave it 100,000 ids, one statement parameter each: PostgreSQL takes at most
 * 65,535, so the whole request failed with a 500 (bench/src/stall.ts --items=100000).
 */
let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

/** 70,000 ids that name no server: more than one statement's parameters. */
const absent = Array.from({ length: 70_000 }, (_, i) => 10_000_000 + i);

describe("licence counts after big writes", () => {
  it("checks more servers than one statement has parameters for, and still finds an excess", async () => {
    const sw = await make(s, "/api/assets/software/", { name: "LC OS" });
    const licence = await make(s, "/api/assets/licences/", { software: sw.id, niw: "LC-1", number_bought: 1 });
    const a = await make(s, "/api/dcim/servers/", { name: "lc-a", licences: [licence.id] });
    const b = await make(s, "/api/dcim/servers/", { name: "lc-b" });
    const db = s.database.db;
    await expect(objectLicencesNotOverAssigned(db, [...absent, a.id])).resolves.toBeUndefined();

    // A second assignment written underneath the API: the rule, given it among the 70,000, refuses it.
    await db.insert(schema.baseObjectLicences).values({ licence_id: licence.id, base_object_id: b.id });
    const err = await objectLicencesNotOverAssigned(db, [...absent, b.id]).then(
      () => null,
      (e: unknown) => e as { status?: number; body?: unknown },
    );
    expect(err?.status).toBe(400);
    expect(JSON.stringify(err?.body)).toContain("Licence LC-1: 2 assigned but only 1 bought");
  });
});
