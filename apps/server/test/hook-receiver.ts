import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A real HTTP receiver on loopback that fails the first `failFirst` requests with 503. */
export async function receiver(failFirst = 0) {
  const got: { headers: IncomingMessage["headers"]; body: any; answered: number }[] = [];
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => {
      data += c;
    });
    req.on("end", () => {
      const answered = got.length < failFirst ? 503 : 200;
      got.push({ headers: req.headers, body: JSON.parse(data), answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, got, close: () => new Promise((r) => server.close(r)) };
}
