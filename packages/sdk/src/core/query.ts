/**
 * Query strings the way the server reads them: arrays become repeated keys
 * (`?status=a&status=b`, OR within a field), except `ordering` and `__in`
 * lookups, which take one comma-separated value. `undefined` and `null` are left out.
 */
export type QueryInput = Record<string, unknown> | URLSearchParams | undefined;

const COMMA_JOINED = (key: string) => key === "ordering" || key.endsWith("__in");

export function toSearchParams(query: QueryInput): URLSearchParams {
  if (query instanceof URLSearchParams) return new URLSearchParams(query);
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const items = value.filter((v) => v !== undefined && v !== null).map(String);
      if (COMMA_JOINED(key)) out.append(key, items.join(","));
      else for (const v of items) out.append(key, v);
    } else {
      out.append(key, String(value));
    }
  }
  return out;
}
