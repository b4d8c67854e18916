// A consumer with `strict: false` (no strictNullChecks): valid code compiles without
// false errors, mistakes still do not. Compiled against the built declarations by
// test/consumers.test.ts.
import { isBadRequest, JobFailedError, Rackplane, type Server, type ServerCreate } from "@rackplane/sdk";

const rp = new Rackplane({ baseUrl: "http://127.0.0.1:8000", token: "x" });

export async function run(): Promise<string[]> {
  const out: string[] = [];
  const page = await rp.dcim.servers.list({ status: ["in_use", "free"], ordering: ["-created", "name"], limit: 5 });
  for (const s of page.results) out.push(s.status.value, s.rack ? s.rack.display : "-");
  for await (const s of rp.dcim.servers.list({ fields: ["name", "rack"], cursor: "" })) out.push(s.name);
  const brief = await rp.dcim.servers.list({ brief: true });
  out.push(brief.results[0].display);
  const body: ServerCreate = { name: "web-1", status: "In use", rack: { name: "R1" }, position: null };
  const created: Server = await rp.dcim.servers.create(body);
  await rp.dcim.servers.patch(created.id, { position: 3 });
  await rp.dcim.servers.runTransition(created.id, "release", { reason: "done" });
  try {
    const job = await rp.dcim.servers.refreshInventoryAndWait(created.id, {}, { wait: { timeoutMs: 1000 } });
    out.push(job.status.value);
  } catch (e) {
    if (e instanceof JobFailedError) out.push(e.job.error ?? "");
    if (isBadRequest(e, rp.dcim.servers)) out.push(...(e.fieldErrors.name ?? []));
  }
  // @ts-expect-error: not a filter of servers
  await rp.dcim.servers.list({ colour: "red" });
  // @ts-expect-error: not a status of servers
  await rp.dcim.servers.patch(1, { status: "exploded" });
  // @ts-expect-error: `id` is read-only
  await rp.dcim.servers.create({ name: "x", id: 3 });
  // @ts-expect-error: not an ordering field
  await rp.dcim.servers.list({ ordering: "hostname" });
  const sparse = await rp.dcim.servers.retrieve(1, { fields: ["name"] });
  // @ts-expect-error: only `name` was asked for
  out.push(sparse.serial_number);
  return out;
}
