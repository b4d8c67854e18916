/**
 * Import from a CSV file: new servers in one all-or-none bulk create, servers that
 * are already there (same name) brought up to date in one bulk patch — so the same
 * file can be imported again. Racks are referenced by name inside their room
 * (`{ name, server_room: { name } }`), so the file needs no database ids.
 * Run 01-build-inventory first.
 *
 *   npx tsx examples/src/02-import-csv.ts [path/to/servers.csv]
 */
import { readFileSync } from "node:fs";
import { BadRequestError, Rackplane, type ServerCreate } from "@rackplane/sdk";
import { parse } from "csv-parse/sync";

const rp = new Rackplane();
const file = process.argv[2] ?? new URL("../data/servers.csv", import.meta.url);

type Row = { name: string; serial_number: string; asset_tag: string; rack: string; position: string; status: string };
const rows: Row[] = parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, trim: true });

const items: ServerCreate[] = rows.map((row) => ({
  name: row.name,
  serial_number: row.serial_number,
  asset_tag: row.asset_tag || null,
  rack: row.rack ? { name: row.rack, server_room: { name: "Hall A" } } : null,
  position: row.position ? Number(row.position) : null,
  // Text from a file: the types cannot check it, the server does (a 400 names the line below).
  status: row.status as ServerCreate["status"],
}));

const names = items.map((i) => i.name);
const existing = new Map(
  (await rp.dcim.servers.list({ name: names, limit: 1000 }).toArray()).map((s) => [s.name, s.id]),
);
/** Sends one all-or-none batch; a bad row means nothing of it was written: report the lines to fix. */
async function write<T extends { name: string }>(batch: T[], send: (b: T[]) => PromiseLike<unknown>) {
  if (!batch.length) return;
  try {
    await send(batch);
  } catch (e) {
    if (!(e instanceof BadRequestError) || !e.itemErrors) throw e;
    e.itemErrors.forEach((errors, i) => {
      const line = rows.findIndex((r) => r.name === batch[i]!.name) + 2;
      if (Object.keys(errors).length) console.error(`line ${line}: ${JSON.stringify(errors)}`);
    });
    process.exit(1);
  }
}
const fresh = items.filter((i) => !existing.has(i.name));
const known = items.filter((i) => existing.has(i.name)).map((i) => ({ ...i, id: existing.get(i.name)! }));
await write(fresh, (b) => rp.dcim.servers.bulkCreate(b));
await write(known, (b) => rp.dcim.servers.bulkPatch(b));
console.log(`imported ${rows.length} rows: ${fresh.length} servers created, ${known.length} updated`);
for await (const s of rp.dcim.servers.list({ name: names, ordering: "name" }))
  console.log(`  ${s.name.padEnd(14)} ${s.status.label.padEnd(9)} ${s.rack?.display ?? "(unracked)"}`);
