/**
 * Bulk import from a CSV file: one all-or-none request. Racks are referenced by
 * name inside their room (`{ name, server_room: { name } }`), so the file needs
 * no database ids. Run 01-build-inventory first.
 *
 *   npx tsx src/02-import-csv.ts [path/to/servers.csv]
 */
import { readFileSync } from "node:fs";
import { BadRequestError, type CreateInput, Rackplane } from "@rackplane/sdk";
import { parse } from "csv-parse/sync";

const rp = new Rackplane();
const file = process.argv[2] ?? new URL("../data/servers.csv", import.meta.url);

type Row = { name: string; serial_number: string; asset_tag: string; rack: string; position: string; status: string };
const rows: Row[] = parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, trim: true });

const items: CreateInput<"dcim", "servers">[] = rows.map((row) => ({
  name: row.name,
  serial_number: row.serial_number,
  asset_tag: row.asset_tag || null,
  rack: row.rack ? { name: row.rack, server_room: { name: "Hall A" } } : null,
  position: row.position ? Number(row.position) : null,
  status: row.status,
}));

try {
  const created = await rp.dcim.servers.bulkCreate(items);
  console.log(`imported ${created.length} servers from ${rows.length} rows`);
  for (const s of created)
    console.log(`  ${s.name.padEnd(14)} ${s.status.label.padEnd(9)} ${s.rack?.display ?? "(unracked)"}`);
} catch (e) {
  // All or none: a bad row means nothing was written. Report the lines to fix.
  if (!(e instanceof BadRequestError) || !e.itemErrors) throw e;
  e.itemErrors.forEach((errors, i) => {
    if (Object.keys(errors).length) console.error(`line ${i + 2}: ${JSON.stringify(errors)}`);
  });
  process.exit(1);
}
