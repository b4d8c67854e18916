import { type AnyResource, isChoice, resourceList, TransitionBody } from "@rackplane/contract";
import type { Request } from "express";
import { principalOfRequest } from "../auth/middleware";
import { plainBody } from "../framework/render";
import type { HandlerResult } from "../http/handler";
import { wantsHtml } from "../http/negotiate";
import { optionsBody } from "../http/options";
import { contextOf } from "../http/request-context";
import { isBulk, type RouteEntry } from "../http/route-table";
import { apiForm, type FieldMeta } from "./forms";
import { esc, inlineMarkdown, jsonHtml, layout } from "./html";
import { csrfOfRequest } from "./session";

interface Page {
  count?: number;
  next?: string | null;
  previous?: string | null;
  results: Record<string, unknown>[];
}
const isPage = (b: unknown): b is Page =>
  typeof b === "object" && b !== null && Array.isArray((b as Page).results) && "next" in b;

/** The resource a path belongs to (the longest resource path it starts with). */
const ownerOf = (path: string): AnyResource | undefined =>
  resourceList.filter((r) => path.startsWith(r.path)).sort((a, b) => b.path.length - a.path.length)[0];

/**
 * The browsable API: a GET's 200 rendered as an HTML page for a browser, from the
 * contract alone (no per-resource templates). Every other request and every
 * non-browser client gets the result unchanged. The same page shows the
 * pretty-printed JSON, the methods the path allows and forms for them.
 */
export function presentHtml(req: Request, path: string, group: RouteEntry[], result: HandlerResult): HandlerResult {
  if (result.status !== 200 || result.body === undefined || result.html !== undefined || !wantsHtml(req)) return result;
  const ctx = contextOf(req);
  const meta = optionsBody(path, group, ctx) as {
    name: string;
    description: string;
    filters?: Record<string, string[]>;
    filter_parameters?: string[];
    ordering?: string[];
    search_fields?: string[];
    actions?: { POST?: Record<string, FieldMeta>; PUT?: Record<string, FieldMeta> };
  };
  const r = ownerOf(path);
  const methods = [...new Set(group.map((g) => g.route.method))];
  const allow = [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const body = plainBody(result.body) as Record<string, unknown>;
  const summary = group.find((g) => g.route.method === "GET")?.route.summary ?? "";
  const isList = r !== undefined && path === r.path && isPage(body);
  const isDetail = r !== undefined && path === `${r.path}:id/`;
  const title =
    path === "/api/"
      ? "Rackplane API"
      : isDetail && typeof body.display === "string"
        ? `${meta.name}: ${body.display}`
        : meta.name;
  const parts: string[] = [
    `<h1>${esc(title)}</h1>`,
    meta.description ? `<p class="description">${inlineMarkdown(meta.description)}</p>` : "",
    `<p class="meta"><span class="badge">GET</span> ${esc(summary)} · <code>Allow: ${esc(allow)}</code></p>`,
  ];

  if (Array.isArray(body.endpoints)) parts.push(indexTable(body.endpoints as Endpoint[]));
  if (isList) parts.push(filterForm(req, r, meta), pagination(body as unknown as Page), resultsTable(body as Page, r));
  parts.push(`<h2>Response</h2><pre class="json">${jsonHtml(body, ctx.baseUrl)}</pre>`);

  const forms: string[] = [];
  if (isList && methods.includes("POST") && meta.actions?.POST)
    forms.push(
      apiForm({ url: req.path, methods: ["POST"], after: "follow", legend: `Create`, fields: meta.actions.POST }),
    );
  const edits = (["PATCH", "PUT"] as const).filter((m) => methods.includes(m));
  if (isDetail && meta.actions?.PUT && edits.length) {
    forms.push(
      apiForm({
        url: req.path,
        methods: edits,
        after: "reload",
        legend: "Edit (PATCH sends the changed fields, PUT all of them)",
        fields: meta.actions.PUT,
        values: body,
      }),
    );
  }
  if (isDetail && methods.includes("DELETE"))
    forms.push(
      apiForm({
        url: req.path,
        methods: ["DELETE"],
        after: { goto: r.path },
        legend: "Delete",
        confirm: `Delete ${String(body.display ?? "this object")}?`,
      }),
    );
  if (isDetail && r.workflow) {
    const current = (body[r.workflow.field] as { value?: string } | undefined)?.value;
    const rows = Object.entries(r.workflow.transitions).map(([name, t]) =>
      apiForm({
        url: `${req.path}transitions/${name}/`,
        methods: ["POST"],
        after: "reload",
        legend: `${t.label} → ${t.to}${t.from.includes(current ?? "") ? "" : " (not from the current status)"}`,
        raw: "",
        example: JSON.stringify(
          Object.fromEntries(Object.keys((t.params ?? TransitionBody).shape).map((k) => [k, "…"])),
        ),
        inline: true,
      }),
    );
    forms.push(`<fieldset><legend>Transitions (current: ${esc(current)})</legend>${rows.join("\n")}</fieldset>`);
  }
  if (r && (isList || isDetail)) {
    const links: string[] = [];
    const rows: string[] = [];
    for (const a of Object.values(r.actions)) {
      if (a.detail !== isDetail) continue;
      const url = isDetail
        ? `${req.path}${a.path}/`
        : a.appLevel
          ? `${r.path.replace(/[^/]+\/$/, "")}${a.path}/`
          : `${r.path}${a.path}/`;
      if (a.method === "GET") links.push(`<li><a href="${esc(url)}">${esc(a.summary)}</a></li>`);
      else
        rows.push(
          apiForm({
            url,
            methods: [a.method],
            after: "show",
            legend: a.summary,
            raw: "",
            example: a.body ? "{…}" : "(no body)",
            inline: true,
          }),
        );
    }
    if (links.length) forms.push(`<fieldset><legend>Related</legend><ul>${links.join("")}</ul></fieldset>`);
    if (rows.length) forms.push(`<fieldset><legend>Actions (JSON body)</legend>${rows.join("\n")}</fieldset>`);
  }
  // Any other path with unsafe methods (e.g. GET + POST on available-ips): a raw JSON form per method.
  if (!isList && !isDetail) {
    for (const g of group) {
      if (g.route.method === "GET" || isBulk(g.route)) continue;
      forms.push(
        apiForm({ url: req.path, methods: [g.route.method], after: "show", legend: g.route.summary ?? "", raw: "{}" }),
      );
    }
  }
  if (forms.length) parts.push(`<h2>Forms</h2>${forms.join("\n")}`);

  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).filter(([k]) => k.toLowerCase() !== "etag"));
  const html = layout({
    title,
    path: req.path,
    username: principalOfRequest(req)?.username,
    csrf: csrfOfRequest(req),
    body: parts.join("\n"),
  });
  return { status: 200, headers, html };
}

interface Endpoint {
  app: string;
  resource: string;
  url: string;
  description: string;
}

function indexTable(endpoints: Endpoint[]): string {
  const rows = endpoints
    .map(
      (e) =>
        `<tr><td><a href="/api/${esc(e.app)}/">${esc(e.app)}</a></td><td><a href="${esc(e.url)}">${esc(e.resource)}</a></td><td>${inlineMarkdown(e.description)}</td></tr>`,
    )
    .join("\n");
  return `<table class="results"><thead><tr><th>App</th><th>Resource</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const first = (v: unknown) => (Array.isArray(v) ? v.join(",") : v === undefined ? "" : String(v));

/**
 * The filter form, from the OPTIONS metadata: one input per filter (a select for
 * choices and booleans), the other lookups folded away, search, ordering and page size.
 */
function filterForm(
  req: Request,
  r: AnyResource,
  meta: {
    filters?: Record<string, string[]>;
    filter_parameters?: string[];
    ordering?: string[];
    search_fields?: string[];
  },
): string {
  const q = req.query as Record<string, unknown>;
  const primary = Object.entries(meta.filters ?? {})
    .filter(([, lookups]) => lookups.includes("exact"))
    .map(([key]) => key);
  const control = (name: string) => {
    const fd = r.fields[name];
    const value = first(q[name]);
    if (fd && (isChoice(fd) || fd.kind === "bool")) {
      const choices = isChoice(fd)
        ? fd.choices.values.map((v) => [v, fd.choices.labels[v] ?? v] as const)
        : ([
            ["true", "Yes"],
            ["false", "No"],
          ] as const);
      const opts = [["", "any"] as const, ...choices]
        .map(([v, l]) => `<option value="${esc(v)}"${v === value ? " selected" : ""}>${esc(l)}</option>`)
        .join("");
      return `<select name="${esc(name)}" id="q-${esc(name)}">${opts}</select>`;
    }
    return `<input name="${esc(name)}" id="q-${esc(name)}" value="${esc(value)}">`;
  };
  const field = (name: string) =>
    `<div class="field"><label for="q-${esc(name)}">${esc(name)}</label>${control(name)}</div>`;
  const others = (meta.filter_parameters ?? []).filter((n) => !primary.includes(n));
  const ordering = (meta.ordering ?? [])
    .flatMap((o) => [o, `-${o}`])
    .map((o) => `<option value="${esc(o)}"${first(q.ordering) === o ? " selected" : ""}>${esc(o)}</option>`)
    .join("");
  const anyOther = others.some((n) => q[n] !== undefined);
  return `<form class="filters" method="get" action="${esc(req.path)}"><fieldset><legend>Filters</legend>
${meta.search_fields?.length ? `<div class="field"><label for="q-search">search</label><input name="search" id="q-search" value="${esc(first(q.search))}" placeholder="${esc(meta.search_fields.join(", "))}"></div>` : ""}
${primary.map(field).join("\n")}
${others.length ? `<details${anyOther ? " open" : ""}><summary>More lookups</summary>${others.map(field).join("\n")}</details>` : ""}
<div class="field"><label for="q-ordering">ordering</label><select name="ordering" id="q-ordering"><option value="">default</option>${ordering}</select></div>
<div class="field"><label for="q-limit">page size</label><input name="limit" id="q-limit" type="number" min="1" value="${esc(first(q.limit))}"></div>
<div class="buttons"><button type="submit">Filter</button> <a href="${esc(req.path)}">Clear</a></div></fieldset></form>`;
}

function pagination(p: Page): string {
  const link = (url: string | null | undefined, label: string, rel: string) =>
    url ? `<a rel="${rel}" href="${esc(url)}">${label}</a>` : `<span class="disabled">${label}</span>`;
  const count = p.count !== undefined ? `${p.count} result${p.count === 1 ? "" : "s"}` : "";
  return `<nav class="pagination">${link(p.previous, "« Previous", "prev")} <span>${esc(count)}</span> ${link(p.next, "Next »", "next")}</nav>`;
}

/** A cell: nested objects as links, choices by label, lists joined. */
function cell(v: unknown): string {
  if (v === null || v === undefined || v === "") return `<span class="none">—</span>`;
  if (Array.isArray(v)) return v.map(cell).join(", ");
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.url === "string") return `<a href="${esc(o.url)}">${esc(o.display ?? o.id)}</a>`;
    if ("label" in o && "value" in o) return esc(o.label);
    return `<code>${esc(JSON.stringify(o).slice(0, 80))}</code>`;
  }
  return esc(String(v).slice(0, 120));
}

function resultsTable(p: Page, r: AnyResource | undefined): string {
  if (!p.results.length) return `<p class="empty">No results.</p>`;
  // The brief fields first, then choices (status) and relations: what tells rows apart.
  const skip = new Set(["id", "url", "display", "created", "updated", "comments", "tags"]);
  const sample = p.results[0]!;
  const rank = (k: string) => {
    const v = sample[k];
    if (r?.brief.includes(k)) return 0;
    if (typeof v === "object" && v !== null && "label" in v) return 1;
    if (typeof v === "object" && v !== null && "url" in v) return 2;
    return typeof v === "object" && v !== null ? 9 : 3;
  };
  const columns = Object.keys(sample)
    .filter((k) => !skip.has(k))
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, 7);
  const head = ["id", "display", ...columns].map((c) => `<th>${esc(c)}</th>`).join("");
  const rows = p.results
    .map((row) => {
      const link = `<a href="${esc(row.url)}">${esc(row.display ?? row.id)}</a>`;
      return `<tr><td>${esc(row.id)}</td><td>${link}</td>${columns.map((c) => `<td>${cell(row[c])}</td>`).join("")}</tr>`;
    })
    .join("\n");
  return `<table class="results"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
