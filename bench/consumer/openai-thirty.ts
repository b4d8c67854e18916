// The comparable script for openai-node: 30 calls of list/retrieve/create/update/
// delete over its resources, awaited and collected like thirty-endpoints.ts does
// with Rackplane's. `pnpm bench` counts tsc's instantiations for both.
import OpenAI from "openai";

const client = new OpenAI({ baseURL: "http://127.0.0.1:8000", apiKey: "x".repeat(40) });

export async function thirty() {
  const out: unknown[] = [];
  out.push(await client.models.list());
  out.push(await client.models.retrieve("gpt-4o"));
  out.push(await client.models.delete("ft:x"));
  out.push(await client.files.list({ limit: 10, purpose: "batch" }));
  out.push(await client.files.retrieve("file-1"));
  out.push(await client.files.delete("file-1"));
  out.push(
    await client.batches.create({ completion_window: "24h", endpoint: "/v1/chat/completions", input_file_id: "f" }),
  );
  out.push(await client.batches.retrieve("b"));
  out.push(await client.batches.list({ limit: 5 }));
  out.push(await client.batches.cancel("b"));
  out.push(await client.vectorStores.create({ name: "v" }));
  out.push(await client.vectorStores.retrieve("v"));
  out.push(await client.vectorStores.update("v", { name: "w" }));
  out.push(await client.vectorStores.list({ order: "asc" }));
  out.push(await client.vectorStores.delete("v"));
  out.push(await client.vectorStores.files.create("v", { file_id: "f" }));
  out.push(await client.vectorStores.files.list("v"));
  out.push(await client.vectorStores.files.delete("f", { vector_store_id: "v" }));
  out.push(await client.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: "f" }));
  out.push(await client.fineTuning.jobs.retrieve("j"));
  out.push(await client.fineTuning.jobs.list({ limit: 3 }));
  out.push(await client.fineTuning.jobs.cancel("j"));
  out.push(await client.containers.create({ name: "c" }));
  out.push(await client.containers.retrieve("c"));
  out.push(await client.containers.list());
  out.push(await client.containers.delete("c"));
  out.push(await client.conversations.create({}));
  out.push(await client.conversations.retrieve("c"));
  out.push(await client.conversations.update("c", { metadata: { a: "b" } }));
  out.push(await client.conversations.delete("c"));
  for await (const f of client.files.list()) out.push(f.filename ?? f.id);
  return out;
}
