import { describe, expect, it } from "vitest";
import { isChoice } from "../src/common/fields";
import { queryDate } from "../src/common/lookups";
import { CIDR_PATTERN, IP_PATTERN, MAC_PATTERN, normaliseCidr, normaliseIp, normaliseMac } from "../src/common/net";
import {
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENT_METHODS_WITH_KEY,
  resourceByKey,
  resourceList,
} from "../src/index";
import { openapiDocument } from "../src/openapi/index";

/**
 * The document states what the server validates (issue 14 §2): each check here puts a
 * documented constraint next to the contract schema the server parses with, so neither
 * can drift from the other.
 */
const doc = openapiDocument();
type Op = Record<string, any>;
const operations: [string, string, Op][] = Object.entries(doc.paths).flatMap(([p, item]) =>
  Object.entries(item).map(([m, op]) => [p, m, op as Op] as [string, string, Op]),
);
const opById = new Map(operations.map(([, , op]) => [op.operationId as string, op]));
const param = (op: Op, name: string) => {
  for (const p of op.parameters as any[]) {
    const q = p.$ref ? (doc.components.parameters as any)[p.$ref.split("/").pop()] : p;
    if (q.name === name) return q;
  }
  return undefined;
};
const opName = (key: string, suffix: string) => `${key.replace(".", "_").replace(/-/g, "_")}_${suffix}`;

describe("OpenAPI document = server validation", () => {
  it("lists each resource's field names as the `fields`/`exclude` enum, and the server takes exactly those", () => {
    for (const r of resourceList) {
      const names = Object.keys(r.fields);
      for (const suffix of ["list", "retrieve"]) {
        const op = opById.get(opName(r.key, suffix))!;
        for (const name of ["fields", "exclude"]) {
          expect(param(op, name).schema.items.enum, `${r.key} ${suffix} ${name}`).toEqual(names);
        }
      }
      const filters = r.schemas.Filters!;
      for (const name of names) expect(filters.safeParse({ fields: name }).success, `${r.key} ${name}`).toBe(true);
      expect(filters.safeParse({ fields: "no_such_field" }).success).toBe(false);
      expect(filters.safeParse({ exclude: ["no_such_field"] }).success).toBe(false);
    }
  });

  it("lists each ordering name with and without `-`, all of which the server takes", () => {
    const servers = resourceByKey.get("dcim.servers")!;
    const ordering = param(opById.get("dcim_servers_list")!, "ordering");
    expect(ordering.schema.items.enum).toEqual(servers.ordering.flatMap((o) => [o, `-${o}`]));
    for (const o of ordering.schema.items.enum)
      expect(servers.schemas.Filters!.safeParse({ ordering: o }).success, o).toBe(true);
    expect(servers.schemas.Filters!.safeParse({ ordering: "no_such_field" }).success).toBe(false);
  });

  it("documents Idempotency-Key on every write, the replay header on its successes, 409/422 on it", () => {
    const key = (doc.components.parameters as any).IdempotencyKey;
    expect(key).toMatchObject({ name: "Idempotency-Key", in: "header", required: false });
    expect(key.schema).toEqual({
      type: "string",
      minLength: 1,
      maxLength: IDEMPOTENCY_KEY_MAX_LENGTH,
      pattern: IDEMPOTENCY_KEY_PATTERN,
    });
    const writes = operations.filter(([, m]) =>
      (IDEMPOTENT_METHODS_WITH_KEY as readonly string[]).includes(m.toUpperCase()),
    );
    expect(writes.length).toBeGreaterThan(400);
    for (const [p, m, op] of writes) {
      expect(op.parameters, `${m} ${p}`).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
      for (const [status, res] of Object.entries(op.responses as Record<string, any>)) {
        if (Number(status) < 300)
          expect(res.headers["Idempotent-Replayed"], `${m} ${p} ${status}`).toEqual({
            $ref: "#/components/headers/Idempotent-Replayed",
          });
      }
      expect(op.responses[422], `${m} ${p}`).toEqual({ $ref: "#/components/responses/IdempotencyKeyReused" });
      expect(op.responses[409], `${m} ${p}`).toBeDefined();
    }
    for (const [p, m, op] of operations.filter(([, m]) => m === "get"))
      expect(param(op, "Idempotency-Key"), `${m} ${p}`).toBeUndefined();
    const re = new RegExp(IDEMPOTENCY_KEY_PATTERN);
    expect(["a", "a b", "550e8400-e29b-41d4-a716-446655440000", "~!"].every((k) => re.test(k))).toBe(true);
    // HTTP drops a header value's surrounding spaces: such a key could never arrive as sent.
    expect(["", " a", "a ", "é", "a\tb"].some((k) => re.test(k))).toBe(false);
  });

  it("links every create to the operations on the object it created", () => {
    let linked = 0;
    for (const r of resourceList) {
      const create = opById.get(opName(r.key, "create"));
      if (!create) continue;
      const links = create.responses[201].links as Record<string, any>;
      const detail = doc.paths[`${r.path}{id}/`]!;
      const targets = Object.values(detail).map((op: any) => op.operationId as string);
      expect(Object.keys(links).sort(), r.key).toEqual(targets.sort());
      for (const t of targets) {
        expect(links[t]).toEqual({ operationId: t, parameters: { id: "$response.body#/id" } });
        expect(opById.has(t)).toBe(true);
      }
      linked++;
    }
    expect(linked).toBeGreaterThan(40);
  });

  it("gives dates `format: date`, and the server refuses what that format refuses", () => {
    const backOffice = doc.components.schemas.BackOfficeAssetCreate as any;
    expect(backOffice.properties.invoice_date).toEqual({ type: ["string", "null"], format: "date" });
    for (const ok of ["2024-02-29", "0001-01-01", "9999-12-31"]) expect(queryDate.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["2023-02-29", "2024-02-30", "2024-13-01", "0000-01-01", "0000-00-00", "", "2024-1-1"])
      expect(queryDate.safeParse(bad).success, bad).toBe(false);
  });

  it("gives addresses, networks and MACs the pattern of what the parser takes", () => {
    const samples = [
      "10.0.0.1",
      "0.0.0.0",
      "255.255.255.255",
      "256.0.0.1",
      "01.2.3.4",
      "1.2.3",
      "::",
      "::1",
      "2001:db8::1",
      "fe80::1%eth0",
      "::ffff:1.2.3.4",
      "1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:8:9",
      "12345::",
      ":::",
      "",
      "abc",
    ];
    const ip = new RegExp(IP_PATTERN.any);
    // Whatever the pattern admits, the server parses (it may take a rare spelling more).
    for (const v of samples) if (ip.test(v)) expect(normaliseIp(v), v).toBeDefined();
    for (const v of samples) if (normaliseIp(v) === undefined) expect(ip.test(v), v).toBe(false);
    const cidr = new RegExp(CIDR_PATTERN);
    for (const v of ["10.0.0.0/8", "10.0.0.1", "2001:db8::/32", "10.0.0.0/33", "10.0.0.0/", "x/8"])
      expect(cidr.test(v), v).toBe(!("error" in normaliseCidr(v, false)));
    const mac = new RegExp(MAC_PATTERN);
    for (const v of [
      "00:1a:2b:3c:4d:5e",
      "00-1A-2B-3C-4D-5E",
      "001a.2b3c.4d5e",
      "001a2b3c4d5e",
      "00:1a:2b",
      "zz:1a:2b:3c:4d:5e",
    ])
      expect(mac.test(v), v).toBe(normaliseMac(v) !== undefined);
    const nodes = doc.components.schemas.NodeCreate as any;
    expect(nodes.properties.address.pattern).toBe(IP_PATTERN.any);
    const list = opById.get("ipam_ip_addresses_list")!;
    expect(param(list, "address__family").schema.items).toEqual({ type: "integer", enum: [4, 6] });
    // Filters refer to one named copy of each long pattern.
    expect(param(list, "address__net_contained").schema.items).toEqual({ $ref: "#/components/schemas/IPNetworkValue" });
    expect(doc.components.schemas.IPNetworkValue).toEqual({ type: "string", pattern: CIDR_PATTERN });
    expect(param(list, "address").schema.items).toEqual({ $ref: "#/components/schemas/IPAddressValue" });
    expect(doc.components.schemas.IPAddressValue).toEqual({ type: "string", pattern: IP_PATTERN.any });
  });

  it("documents an action's own query bounds and a bulk body's minimum of one item", () => {
    const available = opById.get("ipam_networks_available_ips")!;
    expect(param(available, "limit").schema).toEqual({ type: "integer", minimum: 1, maximum: 1000 });
    const bulk = opById.get("dcim_servers_bulk_delete")!;
    expect(bulk.requestBody.content["application/json"].schema.minItems).toBe(1);
  });

  it("documents a choice field as its values' enum in an action's body built from a resource's schema", () => {
    // `AllocateIp` is the IP address's Patch without two fields: its `status` is the field's
    // write schema, which the document must state as the enum the server checks (the fuzzer
    // sent a random string the document allowed and got a 400).
    const allocate = opById.get("ipam_networks_allocate_ip")!;
    const ref = allocate.requestBody.content["application/json"].schema.$ref as string;
    const body = (doc.components.schemas as any)[ref.split("/").pop()!];
    const field = resourceByKey.get("ipam.ip-addresses")!.fields.status!;
    if (!isChoice(field)) throw new Error("ipam.ip-addresses status is a choice field");
    expect(body.properties.status.enum).toEqual(field.choices.values);
    expect(field.write!.safeParse("\ud865\ude07\u00ca").success).toBe(false);
    for (const v of field.choices.values) expect(field.write!.safeParse(v).success).toBe(true);
  });
});
