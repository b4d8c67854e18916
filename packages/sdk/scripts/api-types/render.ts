import { type AnyResource, contract, resources } from "@rackplane/contract";
import type ts from "typescript";
import { z } from "zod";
import { fieldDoc, filterDoc, jsdoc, methodDoc, type Role } from "./docs";
import { printer } from "./printer";
import { probe } from "./probe";

/**
 * Renders `src/generated/`: per app, every resource's model types (`Server`,
 * `ServerBrief`, `ServerCreate`, `ServerUpdate`, `ServerPatch`, `ServerFilters`,
 * `ServerField`, `ServerOrdering`) and its methods (`ServerResource`), written out
 * as plain interfaces with JSDoc; `index.ts` the client's tree. The types are what
 * the checker computes from the contract's zod schemas (`probe.ts`); the
 * generated type tests assert they are equal to the contract-derived generics.
 */

interface RouteLike {
  method: string;
  path: string;
  pathParams?: unknown;
  body?: unknown;
  query?: unknown;
  responses: Record<number, unknown>;
  summary?: string;
  description?: string;
}

const isZod = (x: unknown): x is z.ZodTypeAny => x instanceof z.ZodType;
const isRoute = (x: unknown): x is RouteLike =>
  typeof x === "object" && x !== null && typeof (x as RouteLike).method === "string" && "path" in x;
const RENAMES: Record<string, string> = { partialUpdate: "patch", bulkPartialUpdate: "bulkPatch" };
const methodName = (n: string) => RENAMES[n] ?? n;
const successOf = (r: RouteLike) => [200, 201, 202].map((s) => r.responses[s]).find(isZod);
const isPaginated = (r: RouteLike) => {
  const shape = (r.responses[200] as { shape?: Record<string, unknown> } | undefined)?.shape;
  return r.method === "GET" && !!shape && "results" in shape && "count" in shape;
};
/** A write schema with aliases is its object behind the folding step (contract write-aliases.ts). */
function objectOf(s: z.ZodTypeAny): z.AnyZodObject {
  if (s instanceof z.ZodEffects) return objectOf(s.innerType());
  if (s instanceof z.ZodObject) return s;
  throw new Error(`expected an object schema, got ${s.constructor.name}`);
}
const pascal = (s: string) => s.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase());
const union = (xs: string[]) => (xs.length ? xs.map((x) => JSON.stringify(x)).join(" | ") : "never");

type Entry = { app: string; key: string; r: AnyResource };
const entries: Entry[] = Object.entries(resources).flatMap(([app, rs]) =>
  Object.entries(rs as Record<string, AnyResource>).map(([key, r]) => ({ app, key, r })),
);

/** Named types by the schema object they print (so routes name what they return). */
function schemaNames() {
  const names = new Map<unknown, { name: string; app: string }>();
  for (const { app, r } of entries) {
    const s = r.schemas;
    const add = (schema: unknown, name: string) => names.set(schema, { name, app });
    add(s.Read, r.model);
    add(s.Brief, `${r.model}Brief`);
    add(s.Filters, `${r.model}Filters`);
    if ("create" in r.routes) {
      add(s.Create, `${r.model}Create`);
      add(s.Patch, `${r.model}Patch`);
      add(s.BulkUpdateItem, `${r.model}BulkUpdateItem`);
      add(s.BulkPatchItem, `${r.model}BulkPatchItem`);
    }
  }
  return names;
}

export function renderApiTypes(): Map<string, string> {
  const names = schemaNames();
  const exprs: string[] = [];
  const ask = (e: string) => exprs.push(e) - 1;

  // Pass 1: what to ask the checker.
  type Plan = {
    route: RouteLike;
    base: string;
    body?: number;
    bodyOpt?: number;
    query?: number;
    queryOpt?: number;
    result?: number;
    app?: number;
  };
  const planRoute = (route: RouteLike, base: string): Plan => {
    const p: Plan = { route, base };
    if (isZod(route.body) && !arrayOrName(route.body)) p.body = ask(`z.input<${base}["body"]>`);
    if (isZod(route.body)) p.bodyOpt = ask(`{} extends z.input<${base}["body"]> ? true : false`);
    if (isZod(route.query)) {
      p.query = ask(`z.input<${base}["query"]>`);
      p.queryOpt = ask(`{} extends z.input<${base}["query"]> ? true : false`);
    }
    if (route.path.includes(":app")) p.app = ask(`z.input<${base}["pathParams"]>["app"]`);
    const ok = successOf(route);
    if (ok && !knownResult(ok, route)) {
      p.result = ask(
        isPaginated(route)
          ? `z.output<${base}["responses"][200]>["results"][number]`
          : `z.output<${statusExpr(base, route)}>`,
      );
    }
    return p;
  };
  const statusExpr = (base: string, route: RouteLike) =>
    `${base}["responses"][${[200, 201, 202].find((s) => isZod(route.responses[s]))}]`;
  const knownResult = (schema: z.ZodTypeAny, route: RouteLike) =>
    isPaginated(route) ? names.has(schema) : !!arrayOrName(schema);
  const arrayOrName = (schema: unknown): { name: string; app: string } | undefined => {
    const n = names.get(schema);
    if (n) return n;
    if (schema instanceof z.ZodArray && names.has(schema.element)) {
      const e = names.get(schema.element)!;
      return { name: `${e.name}[]`, app: e.app };
    }
    return undefined;
  };

  const resourcePlans = entries.map((e) => {
    const base = `Rs["${e.app}"]["${e.key}"]`;
    const schemas = [
      "Read",
      "Brief",
      "Filters",
      ...("create" in e.r.routes ? ["Create", "Patch", "BulkUpdateItem", "BulkPatchItem"] : []),
    ];
    const types = Object.fromEntries(
      schemas.map((s) => [
        s,
        ask(`z.${s === "Read" || s === "Brief" ? "output" : "input"}<${base}["schemas"]["${s}"]>`),
      ]),
    );
    const routes = Object.entries(e.r.routes).map(
      ([n, route]) => [n, planRoute(route as RouteLike, `${base}["routes"]["${n}"]`)] as const,
    );
    return { ...e, types, routes };
  });
  const otherPlans = Object.entries(contract)
    .filter(([k]) => !(k in resources))
    .map(([k, router]) => [k, planRouter(router as Record<string, unknown>, `Cs["${k}"]`)] as const);
  function planRouter(router: Record<string, unknown>, base: string): Record<string, Plan | Record<string, unknown>> {
    const out: Record<string, Plan | Record<string, unknown>> = {};
    for (const [n, r] of Object.entries(router)) {
      out[n] = isRoute(r)
        ? planRoute(r, `${base}["${n}"]`)
        : planRouter(r as Record<string, unknown>, `${base}["${n}"]`);
    }
    return out;
  }

  const { checker, types } = probe(exprs);
  const pr = printer(checker);
  const isTrue = (i: number) => checker.typeToString(types[i]!) === "true";

  // Pass 2: print.
  const files = new Map<string, string>();
  const appOfModel = new Map(entries.map((e) => [e.r.model, e.app]));
  for (const app of Object.keys(resources)) {
    const used = new Set<string>();
    const out: string[] = [];
    const use = (n: { name: string; app: string }) => {
      if (n.app !== app) used.add(n.name.replace(/\[\]$/, ""));
      return n.name;
    };

    function signature(name: string, plan: Plan, r: AnyResource | undefined, indent: string): string[] {
      const route = plan.route;
      const args: string[] = [];
      for (const [, k] of route.path.matchAll(/:(\w+)/g)) {
        if (k === "app") args.push(`app: ${pr.print(types[plan.app!]!)}`);
        else if (k === "id") args.push("id: number");
        else if (k === "transition") args.push(`transition: ${r?.model}Transition`);
      }
      if (isZod(route.body)) {
        const opt = isTrue(plan.bodyOpt!);
        let t: string;
        if (plan.body !== undefined) t = pr.print(types[plan.body]!);
        else if (name === "update") t = `${r!.model}Update`;
        else t = use(arrayOrName(route.body)!);
        args.push(`body${opt ? "?" : ""}: ${t}`);
      }
      const queryArg = () => {
        if (!isZod(route.query)) return undefined;
        const opt = isTrue(plan.queryOpt!);
        const t = names.has(route.query) ? use(names.get(route.query)!) : pr.print(types[plan.query!]!);
        return `query${opt ? "?" : ""}: ${t}`;
      };
      const ok = successOf(route);
      let result: string;
      let item: string | undefined;
      if (!ok) result = "APIPromise<void>";
      else if (isPaginated(route)) {
        item = plan.result !== undefined ? pr.print(types[plan.result]!) : use(names.get(ok)!);
        result = `PagePromise<${item}>`;
      } else {
        const t = plan.result !== undefined ? pr.print(types[plan.result]!) : use(arrayOrName(ok)!);
        result =
          route.responses[202] === ok || /^[{A-Z]|\[\]$/.test(t)
            ? `APIPromise<WithRequestId<${t}>>`
            : `APIPromise<${t}>`;
      }
      const docText = jsdoc(methodDoc(route), indent);
      const lines: string[] = [];
      const sig = (n: string, a: string[], ret: string, generics = "") =>
        `${docText}${indent}${n}${generics}(${a.join(", ")}): ${ret};`;
      const o = "options?: RequestOptions";
      // list/retrieve of a resource: the result follows `brief`, `fields` and `exclude`.
      if (r && (name === "list" || name === "retrieve")) {
        const M = r.model;
        const q = name === "list" ? `${M}Filters<F, E, B>` : `${M}DetailQuery<F, E, B>`;
        const t = `Selected<${M}, ${M}Brief, F, E, B>`;
        const generics = `<F extends ${M}Field = never, E extends ${M}Field = never, B extends BriefParam = false>`;
        lines.push(
          sig(
            name,
            [...args, `query?: ${q}`, o],
            name === "list" ? `PagePromise<${t}>` : `APIPromise<WithRequestId<${t}>>`,
            generics,
          ),
        );
        return lines;
      }
      const qa = queryArg();
      if (qa) args.push(qa);
      lines.push(sig(name, [...args, o], result));
      if (route.responses[202] === ok && ok) {
        const job = use({ name: "Job", app: "core" });
        lines.push(sig(`${name}AndWait`, [...args, "options?: AndWaitOptions"], `Promise<${job}>`));
      }
      return lines;
    }

    const printModel = (
      name: string,
      description: string,
      type: ts.Type,
      keys: string[],
      doc: (k: string) => string,
      overrides: Record<string, string> = {},
    ) => {
      const props = pr.properties(type);
      const lines = [`${jsdoc(description)}export interface ${name} {`];
      for (const k of keys) {
        const p = props.get(k);
        if (!p) throw new Error(`${name}: no property ${k}`);
        lines.push(jsdoc(doc(k), "  ").trimEnd());
        const member = pr.member(p);
        lines.push(`  ${overrides[k] ? member.replace(/:.*$/, `: ${overrides[k]}`) : member};`);
      }
      lines.push("}");
      out.push(lines.filter(Boolean).join("\n"), "");
    };

    const appEntries = resourcePlans.filter((p) => p.app === app);
    for (const e of appEntries) {
      const { r } = e;
      const M = r.model;
      const where = `\`${e.app}.${e.key}\` (\`${r.path}\`)`;
      const shape = (s: string) => Object.keys(objectOf(r.schemas[s]!).shape);
      const doc = (role: Role) => (k: string) => fieldDoc(r, k, role);
      const fields = Object.keys(r.fields).filter((k) => !r.fields[k]!.options.writeOnly);
      printModel(
        M,
        `${r.description.replace(/\s+/g, " ").trim()}\n\n${where} as read.`,
        types[e.types.Read!]!,
        shape("Read"),
        doc("read"),
      );
      printModel(
        `${M}Brief`,
        `${M} in brief form: nested in other objects and returned with \`brief: true\`.`,
        types[e.types.Brief!]!,
        shape("Brief"),
        doc("read"),
      );
      out.push(
        `/** Field names of ${M}: what \`fields\` and \`exclude\` take. */`,
        `export type ${M}Field = ${union(fields)};`,
        "",
      );
      out.push(
        `/** What \`ordering\` takes for ${M}: a field, \`-\` before it for descending. */`,
        `export type ${M}Ordering = ${union(r.ordering.flatMap((o) => [o, `-${o}`]))};`,
        "",
      );
      const select = { fields: "F | F[]", exclude: "E | E[]", brief: "B" };
      const generics = `<F extends ${M}Field = ${M}Field, E extends ${M}Field = ${M}Field, B extends BriefParam = BriefParam>`;
      const filterType = types[e.types.Filters!]!;
      // The contract's filter type, less the names the server refuses: its types offer
      // `__isnull` on every field, the server (rightly) only on nullable ones.
      const accepted = new Set(shape("Filters"));
      const offered = [...pr.properties(filterType).keys()].filter((k) => accepted.has(k));
      const missing = [...accepted].filter((k) => !pr.properties(filterType).has(k));
      if (missing.length) throw new Error(`${M}Filters: the server accepts ${missing.join(", ")}, the type lacks them`);
      if (checker.getIndexInfosOfType(filterType).length)
        throw new Error(`${M}Filters: an index signature accepts any name`);
      printModel(
        `${M}Filters${generics}`,
        `Filters, ordering and paging \`list\` accepts for ${M} (\`F\`, \`E\`, \`B\`: what \`fields\`, \`exclude\` and \`brief\` say, inferred by \`list\`).`,
        filterType,
        offered,
        (k) => filterDoc(r, k),
        { ...select, ordering: `${M}Ordering | ${M}Ordering[]` },
      );
      out.push(
        `/** What \`retrieve\` accepts for ${M}: the brief form or a choice of fields. */`,
        `export interface ${M}DetailQuery${generics} {`,
        `  ${jsdoc(filterDoc(r, "brief")).trimEnd()}`,
        "  brief?: B;",
        `  ${jsdoc(filterDoc(r, "fields")).trimEnd()}`,
        "  fields?: F | F[];",
        `  ${jsdoc(filterDoc(r, "exclude")).trimEnd()}`,
        "  exclude?: E | E[];",
        "}",
        "",
      );
      if (e.types.Create !== undefined) {
        printModel(
          `${M}Create`,
          `${M} as \`create\` accepts it (read-only fields are not part of it).`,
          types[e.types.Create]!,
          shape("Create"),
          doc("write"),
        );
        out.push(
          `/** ${M} as \`update\` (PUT) accepts it: the same fields as create. */`,
          `export type ${M}Update = ${M}Create;`,
          "",
        );
        printModel(
          `${M}Patch`,
          `${M} as \`patch\` accepts it: any of the writable fields.`,
          types[e.types.Patch!]!,
          shape("Patch"),
          doc("patch"),
        );
        const idDoc = (role: Role) => (k: string) => (k === "id" ? "Which object to change." : fieldDoc(r, k, role));
        printModel(
          `${M}BulkUpdateItem`,
          `One item of \`bulkUpdate\`: its id and the fields of a PUT.`,
          types[e.types.BulkUpdateItem!]!,
          shape("BulkUpdateItem"),
          idDoc("write"),
        );
        printModel(
          `${M}BulkPatchItem`,
          `One item of \`bulkPatch\`: its id and the fields to change.`,
          types[e.types.BulkPatchItem!]!,
          shape("BulkPatchItem"),
          idDoc("patch"),
        );
      }
      const transitions = Object.keys(r.workflow?.transitions ?? {});
      if (transitions.length)
        out.push(
          `/** Transitions of ${M}'s \`${r.workflow!.field}\` workflow (\`runTransition\`). */`,
          `export type ${M}Transition = ${union(transitions)};`,
          "",
        );
      out.push(
        `${jsdoc(`The methods of ${where}: ${r.description.replace(/\s+/g, " ").trim()}`)}export interface ${M}Resource {`,
      );
      for (const [n, plan] of e.routes) out.push(...signature(methodName(n), plan, r, "  "));
      out.push("}", "");
    }
    out.push(`/** The resources of the \`${app}\` app (\`/api/${app}/\`). */`, `export interface ${pascal(app)}App {`);
    for (const e of appEntries)
      out.push(
        `  ${jsdoc(e.r.description.replace(/\s+/g, " ").trim()).trimEnd()}`,
        `  ${e.key}: ${e.r.model}Resource;`,
      );
    out.push("}", "");

    const imports = [...used].sort().reduce((m, n) => {
      const a =
        appOfModel.get(n.replace(/(Brief|Create|Patch|Filters|BulkUpdateItem|BulkPatchItem)$/, "")) ??
        appOfModel.get(n)!;
      m.set(a, [...(m.get(a) ?? []), n]);
      return m;
    }, new Map<string, string[]>());
    const header = [
      "// Generated by scripts/api-types.ts from the contract; do not edit (test/api-types.test.ts checks it).",
      'import type { APIPromise, WithRequestId } from "../core/api-promise";',
      'import type { RequestOptions } from "../core/client";',
      'import type { PagePromise } from "../core/pagination";',
      'import type { AndWaitOptions } from "../core/routes";',
      'import type { BriefParam, Selected } from "../core/select";',
      ...[...imports].map(([a, ns]) => `import type { ${ns.join(", ")} } from "./${a}";`),
      "",
    ];
    files.set(`${app}.ts`, `${[...header, ...out].join("\n").trimEnd()}\n`);
  }

  // The routers that are not resources (`rp.system.status()`), and the tree.
  const other: string[] = [];
  const renderRouter = (
    name: string,
    plans: Record<string, Plan | Record<string, unknown>>,
    indent: string,
  ): string[] => {
    const lines = [`${indent}${name}: {`];
    for (const [n, p] of Object.entries(plans)) {
      if ("route" in p) {
        lines.push(...otherSignature(methodName(n), p as Plan, `${indent}  `));
      } else lines.push(...renderRouter(n, p as Record<string, Plan>, `${indent}  `));
    }
    lines.push(`${indent}};`);
    return lines;
  };
  function otherSignature(name: string, plan: Plan, indent: string): string[] {
    const route = plan.route;
    const args: string[] = [];
    if (route.path.includes(":app")) args.push(`app: ${pr.print(types[plan.app!]!)}`);
    if (isZod(route.body)) args.push(`body${isTrue(plan.bodyOpt!) ? "?" : ""}: ${pr.print(types[plan.body!]!)}`);
    if (isZod(route.query)) args.push(`query${isTrue(plan.queryOpt!) ? "?" : ""}: ${pr.print(types[plan.query!]!)}`);
    args.push("options?: RequestOptions");
    const ok = successOf(route);
    const t = ok ? pr.print(types[plan.result!]!) : "void";
    const ret = ok ? `APIPromise<WithRequestId<${t}>>` : "APIPromise<void>";
    return [`${jsdoc(methodDoc(route), indent)}${indent}${name}(${args.join(", ")}): ${ret};`];
  }
  for (const [k, plans] of otherPlans) other.push(...renderRouter(k, plans, "  "));
  const apps = Object.keys(resources);
  files.set(
    "index.ts",
    [
      "// Generated by scripts/api-types.ts from the contract; do not edit (test/api-types.test.ts checks it).",
      'import type { APIPromise, WithRequestId } from "../core/api-promise";',
      'import type { RequestOptions } from "../core/client";',
      'import type { JobHelpers } from "../core/jobs";',
      ...apps.map((a) => `import type { ${pascal(a)}App } from "./${a}";`),
      "",
      ...apps.map((a) => `export type * from "./${a}";`),
      "",
      "/** The client's tree: one property per app, then the contract's other routers. */",
      "export interface Api {",
      ...apps.map(
        (a) =>
          `  ${a}: ${a === "core" ? `Omit<CoreApp, "jobs"> & { jobs: CoreApp["jobs"] & JobHelpers }` : `${pascal(a)}App`};`,
      ),
      ...other,
      "}",
      "",
    ].join("\n"),
  );
  files.set(TYPE_TESTS, renderTypeTests());
  return files;
}

/** Where the generated type test goes (beside the other type tests, not in src), from src/generated. */
export const TYPE_TESTS = "../../test/generated/resources.test-d.ts";

/**
 * A type test per resource: each printed type equals the contract-derived generic
 * (filters are narrower: `ordering`, `fields` and `exclude` take the field names).
 */
function renderTypeTests(): string {
  const lines = [
    "// Generated by scripts/api-types.ts; do not edit. The printed types are the contract's, checked by tsc.",
    'import { describe, expectTypeOf, it } from "vitest";',
    'import type * as T from "../../src";',
    'import type { BriefModel, CreateInput, ListFilters, Model, PatchInput } from "../../src/models";',
    "",
    "/** Mutually assignable with the same keys (an extra optional field is caught too). */",
    "type Same<A, B> = [A, keyof A] extends [B, keyof B] ? ([B, keyof B] extends [A, keyof A] ? true : false) : false;",
    "/** Assignable: the printed filters are narrower (`ordering`, `fields`, `exclude` take field names). */",
    "type Narrower<A, B> = [A] extends [B] ? true : false;",
    "",
    'describe("src/generated", () => {',
    '  it("prints every resource\'s types as the contract computes them", () => {',
  ];
  for (const { app, key, r } of entries) {
    const a = `"${app}", "${key}"`;
    const M = `T.${r.model}`;
    lines.push(`    expectTypeOf<Same<${M}, Model<${a}>>>().toEqualTypeOf<true>();`);
    lines.push(`    expectTypeOf<Same<${M}Brief, BriefModel<${a}>>>().toEqualTypeOf<true>();`);
    lines.push(`    expectTypeOf<Narrower<${M}Filters, ListFilters<${a}>>>().toEqualTypeOf<true>();`);
    if ("create" in r.routes) {
      lines.push(`    expectTypeOf<Same<${M}Create, CreateInput<${a}>>>().toEqualTypeOf<true>();`);
      lines.push(`    expectTypeOf<Same<${M}Patch, PatchInput<${a}>>>().toEqualTypeOf<true>();`);
    }
  }
  lines.push("  });", "});", "");
  return lines.join("\n");
}
