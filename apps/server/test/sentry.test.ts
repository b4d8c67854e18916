import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./cli-runner";
import { type ServerProcess, scratchPostgres, spawnServer } from "./server-process";

/**
 * SENTRY_DSN: a real server process reports a real unexpected failure — its database
 * is dropped underneath it — to a Sentry ingest endpoint, here a loopback HTTP receiver
 * that keeps the envelopes. PostgreSQL only: PGlite lives inside the process and cannot
 * be taken away from it.
 */

interface Envelope {
  header: Record<string, unknown>;
  items: { header: Record<string, unknown>; payload: any }[];
}

function receiver(): Promise<{ server: Server; port: number; envelopes: Envelope[]; paths: string[] }> {
  const envelopes: Envelope[] = [];
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      paths.push(req.url ?? "");
      let body = Buffer.concat(chunks);
      if (req.headers["content-encoding"] === "gzip") body = gunzipSync(body);
      // An envelope: a header line, then (item header line, payload line) pairs.
      const lines = body.toString("utf8").split("\n").filter(Boolean);
      const items: Envelope["items"] = [];
      for (let i = 1; i + 1 < lines.length; i += 2)
        items.push({ header: JSON.parse(lines[i]!), payload: JSON.parse(lines[i + 1]!) });
      envelopes.push({ header: JSON.parse(lines[0]!), items });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => ok({ server, port: (server.address() as AddressInfo).port, envelopes, paths })),
  );
}

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe("Sentry error reporting", () => {
  it("a 5xx after the database is dropped under the server reaches Sentry with its request id", {
    timeout: 120_000,
  }, async () => {
    const ingest = await receiver();
    cleanups.push(() => new Promise((r) => ingest.server.close(r)));
    const pg = await scratchPostgres();
    let dropped = false;
    cleanups.push(() => (dropped ? undefined : pg.drop()));
    const s: ServerProcess = await spawnServer(
      { databaseUrl: pg.url },
      {
        SENTRY_DSN: `http://0123456789abcdef@127.0.0.1:${ingest.port}/42`,
        SENTRY_ENVIRONMENT: "test",
        SENTRY_TRACES_SAMPLE_RATE: "1",
      },
    );
    cleanups.push(s.stop);

    expect((await s.request("GET", "/api/dcim/racks/")).status).toBe(200);
    const items = () => ingest.envelopes.flatMap((e) => e.items);
    // Traces: the request is an http.server span; no error event while all is well.
    let span: any;
    for (let i = 0; i < 100 && !span; i++) {
      span = items()
        .filter((it) => it.header.type === "span")
        .flatMap((it) => it.payload.items ?? [])
        .find((sp: any) => sp.attributes?.["url.path"]?.value === "/api/dcim/racks/");
      if (!span) await new Promise((r) => setTimeout(r, 100));
    }
    expect(span, `no span; got ${JSON.stringify(ingest.envelopes).slice(0, 2000)}`).toBeDefined();
    expect(span.attributes["sentry.op"].value).toBe("http.server");
    expect(items().filter((it) => it.header.type === "event")).toHaveLength(0);

    await pg.drop();
    dropped = true;
    const res = await fetch(`${s.baseUrl}/api/dcim/racks/`, { headers: { authorization: `Token ${s.token}` } });
    expect(res.status).toBeGreaterThanOrEqual(500);
    const requestId = res.headers.get("x-request-id")!;
    // Readiness says so too (no credentials needed).
    expect((await fetch(`${s.baseUrl}/api/status/`)).status).toBe(503);

    let event: any;
    for (let i = 0; i < 100 && !event; i++) {
      event = items().find((it) => it.header.type === "event" && it.payload.tags?.request_id === requestId)?.payload;
      if (!event) await new Promise((r) => setTimeout(r, 100));
    }
    expect(event, `no event for ${requestId}; got ${JSON.stringify(ingest.envelopes).slice(0, 2000)}`).toBeDefined();
    expect(ingest.paths[0]).toMatch(/^\/api\/42\/envelope\//);
    expect(event.environment).toBe("test");
    expect(event.tags).toMatchObject({ request_id: requestId, method: "GET", status: String(res.status) });
    expect(event.exception.values.length).toBeGreaterThan(0);
    expect(JSON.stringify(event)).not.toContain(s.token);
  });

  it("the CLI reports its own unexpected failure (exit 1) by command name only; a caller's mistake (exit 2) is not sent", {
    timeout: 120_000,
  }, async () => {
    const ingest = await receiver();
    cleanups.push(() => new Promise((r) => ingest.server.close(r)));
    const cli = async (args: string[]) =>
      (
        await runCli(args, {
          ...process.env,
          // Nothing listens on port 1: every statement fails, an unexpected failure.
          DATABASE_URL: "postgres://nobody:x@127.0.0.1:1/none",
          SENTRY_DSN: `http://0123456789abcdef@127.0.0.1:${ingest.port}/42`,
          SENTRY_ENVIRONMENT: "test",
        })
      ).code;
    const events = () =>
      ingest.envelopes
        .flatMap((e) => e.items)
        .filter((it) => it.header.type === "event")
        .map((it) => it.payload);

    // A flag's value (the password, the username) must never pass for a command word.
    expect(await cli(["createsuperuser", "--password", "Sup3r-secret-pw", "--username", "sentry-bob"])).toBe(1);
    // `Sentry.close` flushes before the CLI exits: the event is already here.
    expect(events()).toHaveLength(1);
    const [event] = events();
    expect(event.environment).toBe("test");
    expect(event.tags).toMatchObject({ component: "cli", command: "createsuperuser" });
    expect(event.exception.values.length).toBeGreaterThan(0);
    expect(JSON.stringify(event)).not.toContain("Sup3r-secret-pw");
    expect(JSON.stringify(event)).not.toContain("sentry-bob");

    expect(await cli(["serve", "--port", "70000"])).toBe(2);
    expect(events()).toHaveLength(1);
  });
});
