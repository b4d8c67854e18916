import { resources } from "@rackplane/contract";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { dcimFixtures } from "./fixtures";
import { make, type TestServer } from "./harness";
import { describeResource } from "./resource-suite";

const { dcim } = resources;

/** Two servers the parts belong to (the BMC inventory read writes parts; no BMC runs here). */
async function servers(s: TestServer) {
  const fx = await dcimFixtures(s);
  const a = await make(s, "/api/dcim/servers/", { name: "inv-a", rack: fx.rack.id, serial_number: "INV-A" });
  const b = await make(s, "/api/dcim/servers/", { name: "inv-b", rack: fx.rack.id, serial_number: "INV-B" });
  return { ...fx, servers: [a, b, a] as { id: number }[] };
}

/** Inserts three rows of a part table, as an inventory read does; `columns` gives each row's own values. */
const parts =
  (table: string, columns: (i: number) => Record<string, string | number | null>) =>
  async (s: TestServer, fx: Awaited<ReturnType<typeof servers>>) => {
    const ids: number[] = [];
    for (const i of [0, 1, 2]) {
      const values = { server_id: fx.servers[i]!.id, ...columns(i) };
      const names = Object.keys(values).map((k) => sql.identifier(k));
      const row = rowsOf<{ id: number }>(
        await s.database.db.execute(
          sql`INSERT INTO ${sql.identifier(table)} (${sql.join(names, sql`, `)})
              VALUES (${sql.join(
                Object.values(values).map((v) => sql`${v}`),
                sql`, `,
              )}) RETURNING id`,
        ),
      );
      ids.push(Number(row[0]!.id));
    }
    return ids;
  };

/** Parts follow their server: a caller who may not see the server does not see them. */
const part = { fixtures: servers, follows: "server", seesThrough: ["dcim.servers"] } as const;

describeResource({
  resource: dcim.serverProcessors,
  ...part,
  seed: parts("server_processors", (i) => ({
    name: `CPU${i}`,
    manufacturer: i ? "AMD" : "Intel",
    model: `Model ${i}`,
    cores: 8 * (i + 1),
    threads: 16 * (i + 1),
    speed_mhz: 2000 + i,
  })),
});

describeResource({
  resource: dcim.serverEthernetInterfaces,
  ...part,
  seed: parts("server_ethernet_interfaces", (i) => ({
    name: `eth${i}`,
    mac: `00:11:22:33:44:5${i}`,
    speed_mbps: 1000 * (i + 1),
    link_status: i === 1 ? "LinkDown" : "LinkUp",
  })),
});

describeResource({
  resource: dcim.serverStorages,
  ...part,
  seed: parts("server_storages", (i) => ({ name: `Storage ${i}`, capacity_bytes: 1e12 * (i + 1) })),
});

describeResource({
  resource: dcim.serverFirmwares,
  ...part,
  seed: parts("server_firmwares", (i) => ({ name: `BIOS ${i}`, version: `1.${i}.0` })),
});
