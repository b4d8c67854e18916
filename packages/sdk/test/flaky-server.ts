import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the scripted server does for the n-th request (0-based). */
export type Script = (n: number, req: IncomingMessage, res: ServerResponse) => void;

/**
 * A tiny real HTTP server on loopback that answers by script — to drive the
 * client's retry, timeout and error paths with failures a healthy Rackplane
 * server never produces on demand.
 */
export async function flakyServer(script: Script) {
  const requests: { method: string; url: string; headers: IncomingMessage["headers"]; at: number }[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method!, url: req.url!, headers: req.headers, at: Date.now() });
    req.resume();
    req.on("end", () => script(requests.length - 1, req, res));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
