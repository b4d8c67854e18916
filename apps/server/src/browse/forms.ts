import { esc, inlineMarkdown } from "./html";

/** A writable field as OPTIONS describes it (http/options.ts): the forms are built from the same metadata. */
export interface FieldMeta {
  type: string;
  required: boolean;
  read_only: boolean;
  nullable: boolean;
  write_only?: boolean;
  label: string;
  help_text?: string;
  default?: unknown;
  choices?: { value: string; display_name: string }[];
  related?: { resource: string; lookup_by: string[] };
  /** Another name writes accept for that field (a forwarding's `url`): the form shows the field itself only. */
  alias_of?: string;
}

export interface ApiForm {
  /** Where the script sends the JSON body. */
  url: string;
  /** One submit button per method (PATCH and PUT share the edit form). */
  methods: string[];
  /** What happens after a 2xx: go to the new object's page, reload this one, go to `url`, or show the body. */
  after: "follow" | "reload" | "show" | { goto: string };
  legend: string;
  /** Typed fields; absent → a raw JSON body. */
  fields?: Record<string, FieldMeta>;
  values?: Record<string, unknown>;
  /** Initial raw JSON body. */
  raw?: string;
  /** One line for the raw body and the button beside it (transitions, actions). */
  inline?: boolean;
  /** Example body shown in an empty raw input. */
  example?: string;
  /** Ask before sending (DELETE). */
  confirm?: string;
  description?: string;
}

const attrs = (a: Record<string, string | boolean | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v)}"`))
    .join("");

/** A read value (nested object, choice `{value,label}`, list of nested objects) as the text a form edits. */
export function formValue(meta: FieldMeta, v: unknown): string {
  if (v === null || v === undefined) return "";
  const idOf = (x: unknown) => (typeof x === "object" && x !== null && "id" in x ? String(x.id) : String(x));
  if (meta.type === "related") return idOf(v);
  if (meta.type === "related_list") return Array.isArray(v) ? v.map(idOf).join(", ") : "";
  if (meta.type === "choice" && typeof v === "object" && "value" in v) return String(v.value);
  if (meta.type === "json") return JSON.stringify(v, null, 2);
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

function input(name: string, m: FieldMeta, value: string): string {
  const common = {
    id: `f-${name}`,
    name,
    "data-kind": m.type,
    "data-nullable": m.nullable ? "1" : undefined,
    "data-lookup": m.related?.lookup_by.find((l) => l !== "id"),
  };
  if (m.choices || m.type === "bool") {
    const options = m.choices ?? [
      { value: "true", display_name: "Yes" },
      { value: "false", display_name: "No" },
    ];
    const opts = [{ value: "", display_name: "—" }, ...options]
      .map((c) => `<option${attrs({ value: c.value, selected: c.value === value })}>${esc(c.display_name)}</option>`)
      .join("");
    return `<select${attrs(common)}>${opts}</select>`;
  }
  if (m.type === "text" || m.type === "json")
    return `<textarea${attrs({ ...common, rows: m.type === "json" ? "4" : "2" })}>${esc(value)}</textarea>`;
  const type = m.write_only
    ? "password"
    : m.type === "int" || m.type === "number"
      ? "number"
      : m.type === "date"
        ? "date"
        : "text";
  const by = m.related?.lookup_by.find((l) => l !== "id");
  const placeholder =
    m.type === "related"
      ? by
        ? `id or ${by}`
        : "id"
      : m.type === "related_list"
        ? `ids${by ? ` or ${by}s` : ""}, comma-separated`
        : m.type === "datetime"
          ? "2026-01-31T12:00:00Z"
          : undefined;
  return `<input${attrs({ ...common, type, value, placeholder, step: type === "number" ? (m.type === "int" ? "1" : "any") : undefined })}>`;
}

/** A form the page script (static/browse.js) sends as JSON through the API's own handlers. */
export function apiForm(f: ApiForm): string {
  let content: string;
  if (f.fields) {
    content = Object.entries(f.fields)
      .filter(([, m]) => !m.alias_of)
      .map(([name, m]) => {
        const value = formValue(m, f.values?.[name]);
        return `<div class="field"><label for="f-${esc(name)}">${esc(m.label)}${m.required ? " *" : ""}</label>
${input(name, m, value)}<span class="field-error" data-for="${esc(name)}"></span>${m.help_text ? `<small>${inlineMarkdown(m.help_text)}</small>` : ""}</div>`;
      })
      .join("\n");
  } else if (f.raw !== undefined) {
    const a = { name: "_raw", "aria-label": `JSON body of ${f.legend}`, placeholder: f.example };
    content = f.inline
      ? `<input${attrs({ ...a, value: f.raw, class: "raw" })}>`
      : `<textarea${attrs({ ...a, rows: "4" })}>${esc(f.raw)}</textarea>`;
  } else content = "";
  const buttons = f.methods
    .map((m) => `<button type="submit" name="_method" value="${esc(m)}">${esc(m)}</button>`)
    .join(" ");
  const after = typeof f.after === "string" ? f.after : `goto:${f.after.goto}`;
  const form = attrs({ "data-url": f.url, "data-after": after, "data-confirm": f.confirm });
  if (f.inline)
    return `<form class="api-form inline"${form}><div class="row"><span class="legend">${esc(f.legend)}</span>
${content} ${buttons}</div><div class="form-errors" role="alert"></div><pre class="result" hidden></pre></form>`;
  return `<form class="api-form"${form}>
<fieldset><legend>${esc(f.legend)}</legend>${f.description ? `<p>${inlineMarkdown(f.description)}</p>` : ""}
${content}
<div class="form-errors" role="alert"></div><pre class="result" hidden></pre>
<div class="buttons">${buttons}</div></fieldset></form>`;
}
