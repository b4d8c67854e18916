import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { resourceList } from "@rackplane/contract";
import { openDatabase, rowsOf } from "@rackplane/db";
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { Registry } from "../src/framework/registry";
import { bindings } from "../src/resources";
import { SecretBox } from "../src/secrets/box";
import { secretBox } from "../src/secrets/current";
import { loadKeys, parseKey } from "../src/secrets/keys";
import { resealSecrets } from "../src/secrets/reseal";
import { SEALED_COLUMNS, type SealedColumn } from "../src/secrets/sealed-columns";
import { make, startServer, type TestServer } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "rp-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const raw = randomBytes(32);
const hex = raw.toString("hex");

describe("secret key formats", () => {
  it("reads 64 hex, base64, base64url and passphrases as the same kind of 32-byte key", () => {
    const fromHex = parseKey(hex, "test");
    expect(fromHex.key.equals(raw)).toBe(true);
    expect(parseKey(hex.toUpperCase(), "test").key.equals(raw)).toBe(true);
    expect(parseKey(raw.toString("base64"), "test").key.equals(raw)).toBe(true);
    expect(parseKey(raw.toString("base64url"), "test").key.equals(raw)).toBe(true);
    // Same key → same id, whatever the notation; the id is not the key.
    expect(parseKey(raw.toString("base64"), "test").id).toBe(fromHex.id);
    expect(fromHex.id).toMatch(/^[0-9a-f]{8}$/);
    expect(hex).not.toContain(fromHex.id.repeat(8));
    const pass = parseKey("correct horse battery staple", "test");
    expect(pass.key).toHaveLength(32);
    expect(parseKey("correct horse battery staple", "other").key.equals(pass.key)).toBe(true); // every replica derives it alike
    expect(parseKey("correct horse battery stapler", "test").key.equals(pass.key)).toBe(false);
  });

  it("refuses a short passphrase at start, naming the setting", () => {
    expect(() => parseKey("hunter2", "RACKPLANE_SECRET_KEY")).toThrow(/RACKPLANE_SECRET_KEY: .*at least 16/);
    expect(() => loadKeys({ key: "short", previous: [], file: join(dir, "unused") })).toThrow(/RACKPLANE_SECRET_KEY/);
    expect(existsSync(join(dir, "unused"))).toBe(false); // a set key means no key file
  });

  it("generates one key file (mode 0600) and every later load reads the same key", () => {
    const file = join(dir, "sub", "secret.key");
    const [first] = loadKeys({ previous: [], file });
    expect(readFileSync(file, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadKeys({ previous: [], file })[0]!.key.equals(first!.key)).toBe(true);
  });

  it("opens what was sealed under a previous key and seals new values with the current one", () => {
    const old = parseKey(hex, "old");
    const next = parseKey(randomBytes(32).toString("base64"), "new");
    const before = new SecretBox([old]).seal("bmc-pass");
    expect(before.startsWith(`v2:${old.id}:`)).toBe(true);
    const rotated = new SecretBox([next, old]);
    expect(rotated.open(before)).toBe("bmc-pass");
    const after = rotated.seal("bmc-pass");
    expect(after.startsWith(`v2:${next.id}:`)).toBe(true);
    expect(rotated.isStale(before)).toBe(true);
    expect(rotated.isStale(after)).toBe(false);
    // Without the old key its values say which key they need; a tampered value never opens.
    expect(() => new SecretBox([next]).open(before)).toThrow(new RegExp(`key ${old.id}`));
    const parts = after.split(":");
    parts[4] = Buffer.from("tampered").toString("base64");
    expect(() => rotated.open(parts.join(":"))).toThrow();
  });

  it("rotates through a key file too: first line current, the others previous", () => {
    const file = join(dir, "rotated.key");
    const old = parseKey(hex, "old");
    writeFileSync(file, `# rotated ${new Date().toISOString()}\n${randomBytes(32).toString("hex")}\n${hex}\n`);
    const box = SecretBox.fromSettings({ previous: [], file });
    expect(box.currentKeyId).not.toBe(old.id);
    expect(box.open(new SecretBox([old]).seal("x"))).toBe("x");
  });

  it("opens the v1 format of earlier versions (no key id) with whichever configured key sealed it", () => {
    const v2 = new SecretBox([parseKey(hex, "k")]).seal("legacy");
    const [, , iv, tag, data] = v2.split(":");
    const v1 = ["v1", iv, tag, data].join(":");
    expect(new SecretBox([parseKey(randomBytes(32).toString("hex"), "n"), parseKey(hex, "k")]).open(v1)).toBe("legacy");
  });
});

let n = 0;
const rowsIn = async (s: TestServer, q: ReturnType<typeof sql>) =>
  rowsOf<{ id: number; v: string }>(await s.database.db.execute(q));
const allSealed = async (s: TestServer) =>
  (
    await rowsIn(
      s,
      sql`SELECT password AS v FROM credentials UNION ALL SELECT basic_password FROM event_forwardings
          UNION ALL SELECT password FROM ixp_sessions UNION ALL SELECT pin1 FROM sim_cards
          UNION ALL SELECT puk1 FROM sim_cards`,
    )
  ).map((r) => r.v);

/** Every credential write seals with the configured key: BMC credentials, forwarding and BGP session passwords. */
async function writesEverySecret(s: TestServer, expectedKeyId: string) {
  n++;
  const profile = await make(s, "/api/discovery/auth-profiles/", { name: `profile ${n}` });
  const cred = await s.post(`/api/discovery/auth-profiles/${profile.id}/credentials/`, {
    username: "root",
    password: "bmc-secret",
  });
  expect(cred.status, JSON.stringify(cred.body)).toBe(201);
  const fwd = await s.post("/api/core/event-forwardings/", {
    name: `hook ${n}`,
    payload_url: "http://127.0.0.1:9/hook",
    basic_username: "u",
    basic_password: "hook-secret",
    object_types: "dcim.regions",
  });
  expect(fwd.status, JSON.stringify(fwd.body)).toBe(201);
  const as = await make(s, "/api/peering/autonomous-systems/", { asn: 64512 + n, name: `AS ${n}` });
  const ix = await make(s, "/api/peering/internet-exchanges/", { name: `IX ${n}`, slug: `ix-${n}` });
  const conn = await make(s, "/api/peering/ixp-connections/", { internet_exchange: ix.id });
  // 80 characters, the longest key: its sealed form is longer, and is stored whole.
  const md5 = "m".repeat(80);
  const sess = await s.post("/api/peering/ixp-sessions/", {
    autonomous_system: as.id,
    ixp_connection: conn.id,
    ip_address: "80.81.192.7",
    password: md5,
  });
  expect(sess.status, JSON.stringify(sess.body)).toBe(201);
  const sim = await s.post("/api/assets/sim-cards/", {
    card_number: `8948000${1000 + n}`,
    pin1: "4321",
    puk1: "87654321",
  });
  expect(sim.status, JSON.stringify(sim.body)).toBe(201);
  const stored = [
    ...(await rowsIn(s, sql`SELECT password AS v FROM credentials WHERE id = ${cred.body.id}`)),
    ...(await rowsIn(s, sql`SELECT basic_password AS v FROM event_forwardings WHERE id = ${fwd.body.id}`)),
    ...(await rowsIn(s, sql`SELECT password AS v FROM ixp_sessions WHERE id = ${sess.body.id}`)),
    ...(await rowsIn(s, sql`SELECT pin1 AS v FROM sim_cards WHERE id = ${sim.body.id}`)),
    ...(await rowsIn(s, sql`SELECT puk1 AS v FROM sim_cards WHERE id = ${sim.body.id}`)),
  ].map((r) => r.v);
  expect(stored).toHaveLength(5);
  for (const v of stored) expect(v.startsWith(`v2:${expectedKeyId}:`), v).toBe(true);
  expect(stored.map((v) => secretBox().open(v))).toEqual(["bmc-secret", "hook-secret", md5, "4321", "87654321"]);
  // PATCH without the secret keeps it; with one, seals the new one.
  expect((await s.patch(`/api/peering/ixp-sessions/${sess.body.id}/`, { description: "x" })).status).toBe(200);
  const [kept] = await rowsIn(s, sql`SELECT password AS v FROM ixp_sessions WHERE id = ${sess.body.id}`);
  expect(kept!.v).toBe(stored[2]);
  expect((await s.patch(`/api/peering/ixp-sessions/${sess.body.id}/`, { password: "new-key" })).status).toBe(200);
  const [changed] = await rowsIn(s, sql`SELECT password AS v FROM ixp_sessions WHERE id = ${sess.body.id}`);
  expect(secretBox().open(changed!.v)).toBe("new-key");
  return { sessionId: sess.body.id as number };
}

describe("which write-only fields are sealed", () => {
  it("every write-only field of the contract is sealed at rest, except the one stored as a bcrypt hash", async () => {
    const registry = new Registry(bindings);
    const sealedColumns = new Set(
      (SEALED_COLUMNS as readonly SealedColumn[]).map(
        (c) => `${getTableName(c.table)}.${getTableColumns(c.table)[c.column]!.name}`,
      ),
    );
    const writeOnly = resourceList.flatMap((r) =>
      Object.entries(r.fields)
        .filter(([, fd]) => fd.options.writeOnly)
        .map(([name]) => `${registry.of(r.key).tableName}.${registry.of(r.key).columns.get(name)}`),
    );
    const hashed = ["users.password"];
    expect(writeOnly.filter((c) => !hashed.includes(c)).sort()).toEqual([...sealedColumns].sort());
  });
});

describe("RACKPLANE_SECRET_KEY as 64 hex", () => {
  let s: TestServer;
  afterAll(async () => s?.close());

  it("every credential write succeeds and is sealed with that key", async () => {
    s = await startServer({ RACKPLANE_SECRET_KEY: hex, RACKPLANE_SECRET_KEY_FILE: join(dir, "never-created") });
    await writesEverySecret(s, parseKey(hex, "k").id);
    expect(existsSync(join(dir, "never-created"))).toBe(false);
  });
});

describe("a shared RACKPLANE_SECRET_KEY_FILE", () => {
  const file = join(dir, "shared.key");
  let first: TestServer;
  let second: TestServer | undefined;
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it("every credential write succeeds with a key file written by hand (base64 here)", async () => {
    writeFileSync(file, `${raw.toString("base64")}\n`, { mode: 0o600 });
    first = await startServer({ RACKPLANE_SECRET_KEY_FILE: file });
    await writesEverySecret(first, parseKey(hex, "k").id);
  });

  it("rotation: a replica started with a new key first seals with it and opens the old values; reseal moves them all", async () => {
    const next = randomBytes(32).toString("hex");
    const nextId = parseKey(next, "n").id;
    writeFileSync(file, `${next}\n${raw.toString("base64")}\n`);
    // A BGP password stored in plain text by an earlier version (before 0013) …
    const [legacy] = await rowsIn(
      first,
      sql`UPDATE ixp_sessions SET password = 'legacy-md5' WHERE id = (SELECT min(id) FROM ixp_sessions) RETURNING id`,
    );
    // … is sealed when a server starts on the database (with the new key, the current one).
    second = await startServer({ RACKPLANE_SECRET_KEY_FILE: file }, { sameDatabaseAs: first });
    const [sealedNow] = await rowsIn(second, sql`SELECT password AS v FROM ixp_sessions WHERE id = ${legacy!.id}`);
    expect(sealedNow!.v.startsWith(`v2:${nextId}:`)).toBe(true);
    expect(secretBox().open(sealedNow!.v)).toBe("legacy-md5");

    await writesEverySecret(second, nextId);
    const before = await allSealed(second);
    expect(before.filter((v) => !v.startsWith(`v2:${nextId}:`))).toHaveLength(4); // the old key's (the BGP one was resealed)
    const plain = before.map((v) => secretBox().open(v)).sort();
    expect(await resealSecrets(second.database.db, secretBox(), { legacyOnly: false })).toBe(4);
    expect(await resealSecrets(second.database.db, secretBox(), { legacyOnly: false })).toBe(0);
    const after = await allSealed(second);
    // The old key can go now.
    const onlyNew = SecretBox.fromSettings({ key: next, previous: [], file: join(dir, "unused") });
    expect(after.map((v) => onlyNew.open(v)).sort()).toEqual(plain);
  });
});

describe("rackplane reseal-secrets", () => {
  it("after a rotation, seals every stored secret with the new key (PGlite data dir)", {
    timeout: 180_000,
  }, async () => {
    const data = mkdtempSync(join(tmpdir(), "rp-reseal-"));
    try {
      const old = parseKey(hex, "old");
      const db = await openDatabase({ dataDir: data });
      await db.migrate();
      const [p] = rowsOf<{ id: number }>(
        await db.db.execute(sql`INSERT INTO auth_profiles (name) VALUES ('cli') RETURNING id`),
      );
      const oldSealed = new SecretBox([old]).seal("bmc-root");
      await db.db.execute(
        sql`INSERT INTO credentials (auth_profile_id, username, password) VALUES (${p!.id}, 'root', ${oldSealed})`,
      );
      await db.close();
      const next = randomBytes(32).toString("base64");
      const run = await promisify(execFile)(
        process.execPath,
        [
          resolve(import.meta.dirname, "../bin/rackplane.mjs"),
          "reseal-secrets",
          "--backend",
          "pglite",
          "--data-dir",
          data,
        ],
        {
          env: {
            ...process.env,
            RACKPLANE_SECRET_KEY: next,
            RACKPLANE_SECRET_KEY_PREVIOUS: hex,
            RACKPLANE_LOG_LEVEL: "warn",
          },
          timeout: 120_000,
        },
      );
      const nextId = parseKey(next, "n").id;
      expect(run.stdout).toContain(`resealed 1 secrets with key ${nextId}`);
      const again = await openDatabase({ dataDir: data });
      const [row] = rowsOf<{ password: string }>(await again.db.execute(sql`SELECT password FROM credentials`));
      await again.close();
      expect(row!.password.startsWith(`v2:${nextId}:`)).toBe(true);
      expect(SecretBox.fromSettings({ key: next, previous: [], file: join(dir, "unused") }).open(row!.password)).toBe(
        "bmc-root",
      );
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
