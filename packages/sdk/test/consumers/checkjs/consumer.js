// @ts-check
// Plain JavaScript checked by TypeScript (`checkJs`): the SDK's types apply to JS
// callers as they are, with JSDoc types where the caller names one.
import { Rackplane } from "@rackplane/sdk";

const rp = new Rackplane({ baseUrl: "http://127.0.0.1:8000", token: "x" });

/** @param {import("@rackplane/sdk").ServerFilters} filters */
export async function names(filters) {
  /** @type {string[]} */
  const out = [];
  for await (const s of rp.dcim.servers.list(filters)) out.push(s.name);
  const page = await rp.dcim.servers.list({ fields: ["name"], status: "in_use" });
  out.push(page.results[0]?.name ?? "");
  const tag = await rp.core.tags.create({ name: "t", slug: "t" });
  out.push(tag.slug);
  const job = await rp.core.jobs.wait(1, { timeoutMs: 1000, onProgress: (j) => out.push(String(j.progress)) });
  out.push(job.status.value);
  // @ts-expect-error: misspelled filter
  await rp.dcim.servers.list({ stauts: "in_use" });
  // @ts-expect-error: name is required on create
  await rp.dcim.servers.create({ position: 3 });
  // @ts-expect-error: only `name` was asked for
  out.push(page.results[0]?.status.value);
  return out;
}
