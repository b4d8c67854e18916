/**
 * What a permission's `object_types` may name, as the server checks it (framework/permissions.ts:
 * each item must name a resource): `*`, `<app>.*` for an app that has resources, or a resource
 * key (`dcim.servers`), comma-separated. Built from the resource registry, so the document lists
 * exactly the keys that exist.
 */
export function objectTypesPattern(keys: readonly string[]): string {
  const byApp = new Map<string, string[]>();
  for (const key of keys) {
    const dot = key.indexOf(".");
    const app = key.slice(0, dot);
    byApp.set(app, [...(byApp.get(app) ?? []), key.slice(dot + 1)]);
  }
  // Keys are `[a-z][a-z0-9-]*`: nothing to escape but the dot (and `\-` is an error in `u`-mode regexes).
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const item = [
    "\\*",
    ...[...byApp].map(([app, names]) => `${literal(app)}\\.(?:\\*|${names.map(literal).join("|")})`),
  ].join("|");
  return `^(?:${item})(?:,(?:${item}))*$`;
}
