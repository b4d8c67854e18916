import { type OpenApiDocument, openapiDocument } from "@rackplane/contract/openapi";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/**
 * Checks every response the tests receive against the OpenAPI document (the one
 * `/api/schema/` serves and `openapi/rackplane.yaml` commits; a separate test keeps
 * those equal): the status must be documented for the operation, the JSON body must
 * match its schema (Ajv, JSON Schema 2020-12 = OpenAPI 3.1), and the documented
 * headers must be present. Paths outside the document are only the docs UI and
 * assets; anything else unknown must be the documented 404.
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const DOC_ID = "rackplane-openapi";
const NOT_DOCUMENTED = [/^\/api\/schema\//, /^\/static\//];
// JSON Pointer escaping, then URI-fragment escaping of `#` (`/api/dcim/servers/#bulk`).
const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1").replace(/#/g, "%23");

interface PathMatcher {
  template: string;
  regex: RegExp;
  item: Record<string, any>;
}

export interface ObservedResponse {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

export class OpenApiResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly matchers: PathMatcher[];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDocument = openapiDocument()) {
    addFormats(this.ajv);
    this.ajv.addSchema(doc as object, DOC_ID);
    this.matchers = Object.entries(doc.paths)
      .map(([template, item]) => ({
        template,
        item,
        // A fragment (`#bulk`: a second operation on the same URL and method) is never sent.
        regex: new RegExp(
          `^${template
            .replace(/#.*$/, "")
            .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
            .replace(/\{[^}]+\}/g, "[^/]+")}$`,
        ),
      }))
      // Static segments win over parameters, as in the server's router.
      .sort((a, b) => a.template.split("{").length - b.template.split("{").length);
  }

  /** Throws with the details when the response breaks the document. */
  check(r: ObservedResponse): void {
    const problems = this.problems(r);
    if (problems.length) {
      throw new Error(
        `${r.method} ${r.path} → ${r.status} breaks the OpenAPI document:\n  - ${problems.join("\n  - ")}\n  body: ${r.text.slice(0, 500)}`,
      );
    }
  }

  problems(r: ObservedResponse): string[] {
    const pathname = new URL(r.path, "http://x").pathname;
    if (NOT_DOCUMENTED.some((re) => re.test(pathname))) return [];
    if (r.status === 308 && !pathname.endsWith("/")) {
      const location = r.headers.get("location") ?? "";
      return location.startsWith(`${pathname}/`) ? [] : [`308 to ${location}, not to the slash form`];
    }
    const first = this.matchers.find((x) => x.regex.test(pathname));
    if (!first) return this.against("#/components/responses/NotFound", r);
    const method = r.method.toLowerCase() === "head" ? "get" : r.method.toLowerCase();
    // OPTIONS answers on every path but is not an operation of the document (it would add one
    // "Describe" operation per path to every generated client): its 200 is checked here.
    if (method === "options") {
      if (r.status === 200) return optionsProblems(r);
      const error = OPTIONS_ERRORS[r.status];
      return error ? this.against(`#/components/responses/${error}`, r) : [`OPTIONS answered ${r.status}`];
    }
    // The operations on this URL and method: one, or a single-object and a bulk one (the
    // response tells which; it must match one of them).
    const candidates = this.matchers.filter((x) => x.template.replace(/#.*$/, "") === first.template && x.item[method]);
    if (!candidates.length) {
      if (r.status !== 405) return [`${r.method} is not documented on ${first.template}, so only 405 may answer`];
      return this.against("#/components/responses/MethodNotAllowed", r);
    }
    // Report the problems of the variant the body looks like (an array: the bulk one).
    const isArray = r.text.trimStart().startsWith("[");
    candidates.sort(
      (a, b) => Number(b.template.includes("#") === isArray) - Number(a.template.includes("#") === isArray),
    );
    let problems: string[] = [];
    for (const m of candidates) {
      const op = m.item[method];
      const res = op.responses[String(r.status)];
      const mine = res
        ? this.against(res.$ref ?? `#/paths/${esc(m.template)}/${method}/responses/${r.status}`, r, r.method === "HEAD")
        : [`status ${r.status} is not documented for ${op.operationId}`];
      if (!mine.length) return [];
      problems = problems.length ? problems : mine;
    }
    return problems;
  }

  private resolve(pointer: string): any {
    return pointer
      .slice(2)
      .split("/")
      .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<any>((o, k) => o?.[k], this.doc);
  }

  private against(pointer: string, r: ObservedResponse, headOnly = false): string[] {
    const res = this.resolve(pointer);
    if (!res) return [`no response at ${pointer}`];
    const problems: string[] = [];
    for (const name of Object.keys(res.headers ?? {})) {
      if (["X-Request-ID", "API-Version", "Allow", "Retry-After"].includes(name) && !r.headers.has(name))
        problems.push(`header ${name} missing`);
    }
    const content: Record<string, unknown> = res.content ?? {};
    if (headOnly) return problems;
    if (!Object.keys(content).length) {
      if (r.text) problems.push(`documented without a body, but sent ${r.text.length} bytes`);
      return problems;
    }
    const type = (r.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = Object.keys(content).find((t) => t === type);
    if (!media) return [...problems, `content-type "${type}" is not documented (${Object.keys(content).join(", ")})`];
    if (media !== "application/json") return problems;
    let body: unknown;
    try {
      body = JSON.parse(r.text);
    } catch {
      return [...problems, "body is not JSON"];
    }
    const schemaPointer = `${pointer}/content/${esc(media)}/schema`;
    let validate = this.cache.get(schemaPointer);
    if (!validate) {
      validate = this.ajv.getSchema(`${DOC_ID}${schemaPointer}`);
      if (!validate) return [...problems, `no schema at ${schemaPointer}`];
      this.cache.set(schemaPointer, validate);
    }
    if (!validate(body)) {
      for (const e of (validate.errors ?? []).slice(0, 8))
        problems.push(`body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    }
    return problems;
  }
}

/** What an OPTIONS request may get besides its 200 (credentials and negotiation are checked first). */
const OPTIONS_ERRORS: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  406: "NotAcceptable",
  429: "TooManyRequests",
  503: "ServiceUnavailable",
};

/** `OPTIONS`: `Allow`, and a JSON body with name, description and methods (the document says so in prose). */
function optionsProblems(r: ObservedResponse): string[] {
  const problems = r.headers.has("allow") ? [] : ["OPTIONS 200 without Allow"];
  try {
    const body = JSON.parse(r.text) as Record<string, unknown>;
    for (const k of ["name", "description", "methods"]) if (!(k in body)) problems.push(`OPTIONS body lacks ${k}`);
  } catch {
    problems.push("OPTIONS body is not JSON");
  }
  return problems;
}

let shared: OpenApiResponseValidator | undefined;
/** One validator per test file (building the document and compiling schemas is not free). */
export const openapiValidator = () => {
  shared ??= new OpenApiResponseValidator();
  return shared;
};
