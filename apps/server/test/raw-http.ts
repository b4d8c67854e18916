import { request } from "node:http";
import type { TestServer } from "./harness";

/** The wire as it is (node:http neither asks for nor undoes an encoding): status, headers, raw bytes. */
export function raw(s: TestServer, path: string, opts: { method?: string; acceptEncoding?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const headers: Record<string, string> = { Authorization: `Token ${s.token}`, Accept: "application/json" };
      if (opts.acceptEncoding !== undefined) headers["Accept-Encoding"] = opts.acceptEncoding;
      const req = request(new URL(path, s.baseUrl), { method: opts.method ?? "GET", headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    },
  );
}
