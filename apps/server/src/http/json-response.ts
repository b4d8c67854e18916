import type { Response } from "express";
import { RenderedRows } from "../framework/render";

/** Arrays of at least this many items are written in chunks as they are serialized, not as one string. */
export const STREAM_FROM = 200;
/** About this many characters of JSON per write while streaming. */
const CHUNK = 64 * 1024;

/**
 * Sends a JSON body: `json` when the caller already serialized it (an ETag was
 * hashed from it), else `JSON.stringify(body)` — once, and without Express's
 * `res.json` → `res.send`, which hashes every body for a weak ETag of its own
 * (the API's ETags are the details' strong ones) and copies it into a Buffer for that.
 *
 * A page whose `results` (its last key) holds STREAM_FROM items or more is
 * streamed: the envelope, then the items serialized a chunk at a time, written as
 * they are ready and paced by the socket (`drain`), so a page of 1,000 is never
 * one 1 MB string and other requests run between chunks. The bytes are exactly
 * `JSON.stringify(body)`'s.
 */
export function writeJson(res: Response, body: unknown, json?: string): void {
  if (!res.getHeader("Content-Type")) res.setHeader("Content-Type", "application/json; charset=utf-8");
  if (json === undefined) json = withRenderedRows(body);
  const items = json === undefined ? streamedItems(body) : undefined;
  if (items) {
    streamPage(res, body as Record<string, unknown>, items).catch((err) => res.destroy(err as Error));
    return;
  }
  const text = json ?? JSON.stringify(body);
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(res.req.method === "HEAD" ? undefined : text);
}

/**
 * A page whose `results` PostgreSQL wrote (render.ts): the envelope serialized, the rows'
 * text put in as it is — one string, whatever the page size, with no serializing of rows.
 */
function withRenderedRows(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const results = (body as { results?: unknown }).results;
  if (!(results instanceof RenderedRows)) return undefined;
  const keys = Object.keys(body);
  if (keys[keys.length - 1] !== "results") return undefined;
  const { results: _, ...envelope } = body as Record<string, unknown>;
  const open = JSON.stringify(envelope);
  return `${open.length > 2 ? `${open.slice(0, -1)},` : "{"}"results":${results.json}}`;
}

/** The `results` of a big page, when it is the envelope's last key (so it can be written last). */
function streamedItems(body: unknown): unknown[] | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const results = (body as { results?: unknown }).results;
  if (!Array.isArray(results) || results.length < STREAM_FROM) return undefined;
  const keys = Object.keys(body);
  return keys[keys.length - 1] === "results" ? results : undefined;
}

async function streamPage(res: Response, body: Record<string, unknown>, items: unknown[]): Promise<void> {
  if (res.req.method === "HEAD") return void res.end();
  const { results: _, ...envelope } = body;
  const open = JSON.stringify(envelope);
  // `{"count":3,…}` → `{"count":3,…,"results":[`; `{}` → `{"results":[`.
  let chunk = `${open.length > 2 ? `${open.slice(0, -1)},` : "{"}"results":[`;
  const drained = drainWaiter(res);
  for (let i = 0; i < items.length; i++) {
    // An item JSON.stringify would write as null (undefined, a function) is null here too.
    chunk += (i ? "," : "") + (JSON.stringify(items[i]) ?? "null");
    if (chunk.length >= CHUNK) {
      if (!res.write(chunk)) await drained();
      chunk = "";
      if (res.destroyed) return;
    }
  }
  res.end(`${chunk}]}`);
}

/**
 * Waits for `drain`, or for the response to be gone (a client that went away). One
 * listener of each for the whole response: the compression middleware hands `drain`
 * listeners to its zlib stream and does not forward their removal, so a listener per
 * wait would pile up there.
 */
function drainWaiter(res: Response): () => Promise<void> {
  let wake: (() => void) | undefined;
  const fire = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  res.on("drain", fire);
  res.once("close", fire);
  return () =>
    res.destroyed
      ? Promise.resolve()
      : new Promise<void>((ok) => {
          wake = ok;
        });
}
