/**
 * A small Redfish client: every resource is reached by following `@odata.id`
 * links from the service root `/redfish/v1/` (no vendor paths), each request has a
 * timeout, and transient failures (network errors, 5xx, 429) are retried a bounded
 * number of times with backoff. 401/403 are never retried.
 */
export type RedfishErrorKind = "unreachable" | "timeout" | "auth" | "not_found" | "not_supported" | "http" | "protocol";

export class RedfishError extends Error {
  constructor(
    readonly kind: RedfishErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface RedfishOptions {
  /** `http://127.0.0.1:8000` (scheme, host, port; no path). */
  baseUrl: string;
  username?: string;
  password?: string;
  timeoutMs?: number;
  retries?: number;
  signal?: AbortSignal;
}

export type RedfishObject = Record<string, unknown> & { "@odata.id"?: string };

export const SERVICE_ROOT = "/redfish/v1/";

export class RedfishClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;

  constructor(private readonly opts: RedfishOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, "");
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.retries = opts.retries ?? 2;
  }

  root() {
    return this.get(SERVICE_ROOT);
  }

  get(path: string) {
    return this.request("GET", path);
  }

  post(path: string, body: unknown) {
    return this.request("POST", path, body);
  }

  patch(path: string, body: unknown) {
    return this.request("PATCH", path, body);
  }

  /** The target of a link property (`{"Systems": {"@odata.id": …}}`), or undefined when absent. */
  static link(obj: RedfishObject | undefined, ...path: string[]): string | undefined {
    let cur: unknown = obj;
    for (const p of path) cur = (cur as Record<string, unknown> | undefined)?.[p];
    const id = (cur as RedfishObject | undefined)?.["@odata.id"];
    return typeof id === "string" ? id : undefined;
  }

  /** Follows a collection link and reads every member. */
  async members(collectionPath: string): Promise<RedfishObject[]> {
    const col = await this.get(collectionPath);
    const refs = Array.isArray(col.Members) ? (col.Members as RedfishObject[]) : [];
    const out: RedfishObject[] = [];
    for (const m of refs) if (typeof m["@odata.id"] === "string") out.push(await this.get(m["@odata.id"]));
    return out;
  }

  /** Like `get`, but a resource the BMC does not serve (404/405/501, "Not implemented") is `undefined`. */
  async optional(path: string | undefined): Promise<RedfishObject | undefined> {
    if (!path) return undefined;
    try {
      return await this.get(path);
    } catch (e) {
      if (e instanceof RedfishError && (e.kind === "not_found" || e.kind === "not_supported")) return undefined;
      throw e;
    }
  }

  private async request(method: string, path: string, body?: unknown): Promise<RedfishObject> {
    const url = new URL(path, `${this.baseUrl}/`).toString();
    const headers: Record<string, string> = { accept: "application/json", "odata-version": "4.0" };
    if (this.opts.username !== undefined)
      headers.authorization = `Basic ${Buffer.from(`${this.opts.username}:${this.opts.password ?? ""}`).toString("base64")}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    let last: RedfishError | undefined;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(150 * 2 ** (attempt - 1), this.opts.signal);
      const signals = [AbortSignal.timeout(this.timeoutMs), ...(this.opts.signal ? [this.opts.signal] : [])];
      let res: Response;
      try {
        res = await fetch(url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.any(signals),
          redirect: "manual",
        });
      } catch (e) {
        if (this.opts.signal?.aborted) throw this.opts.signal.reason;
        const timeout = (e as Error).name === "TimeoutError";
        last = new RedfishError(
          timeout ? "timeout" : "unreachable",
          timeout
            ? `${this.baseUrl}: no answer within ${this.timeoutMs} ms (${method} ${path}).`
            : `${this.baseUrl}: cannot connect (${causeOf(e)}).`,
        );
        continue;
      }
      const text = await res.text();
      if (res.status === 401 || res.status === 403)
        throw new RedfishError("auth", `${this.baseUrl}: credentials refused (HTTP ${res.status}).`, res.status);
      if (res.status === 404 || res.status === 405)
        throw new RedfishError("not_found", `${this.baseUrl}${path}: not served (HTTP ${res.status}).`, res.status);
      if (res.status === 501 || (res.status === 500 && /not implemented/i.test(text)))
        throw new RedfishError("not_supported", `${this.baseUrl}${path}: not implemented by the BMC.`, res.status);
      if (res.status >= 500 || res.status === 429) {
        last = new RedfishError("http", `${this.baseUrl}${path}: HTTP ${res.status}.`, res.status);
        continue;
      }
      if (res.status >= 400)
        throw new RedfishError("http", `${this.baseUrl}${path}: HTTP ${res.status}: ${messageOf(text)}`, res.status);
      if (!text) return {};
      try {
        return JSON.parse(text) as RedfishObject;
      } catch {
        throw new RedfishError("protocol", `${this.baseUrl}${path}: answer is not JSON.`);
      }
    }
    throw last!;
  }
}

function causeOf(e: unknown): string {
  const c = (e as { cause?: { code?: string; message?: string } }).cause;
  return c?.code ?? c?.message ?? (e as Error).message;
}

function messageOf(text: string): string {
  try {
    const j = JSON.parse(text) as { error?: { message?: string } };
    return j.error?.message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((ok, fail) => {
    const t = setTimeout(ok, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        fail(signal.reason);
      },
      { once: true },
    );
  });
}
