import type { OpenApiDocument } from "./index";

/**
 * One app's part of the document (`x-tagGroups` name: `dcim`, `core`, …): its operations,
 * the components they reach through `$ref` (transitively), the security schemes, and
 * everything else of the full document unchanged. Swagger UI re-reads the whole document
 * on every operation it opens (its OpenAPI 3.1 resolver refracts and normalizes all of
 * it), so its cost grows with the document: it shows one app at a time from these.
 * Derived from the full document only, so an operation reads the same in both.
 */
export function appDocument(full: OpenApiDocument, app: string): OpenApiDocument | undefined {
  const groups = tagGroups(full);
  const group = groups.find((g) => g.name === app);
  if (!group) return undefined;
  const tags = new Set(group.tags);
  const paths: OpenApiDocument["paths"] = {};
  for (const [path, item] of Object.entries(full.paths)) {
    const kept = Object.entries(item).filter(([, op]) => !isOperation(op) || op.tags.some((t) => tags.has(t)));
    // A path item's own `parameters`/`summary` stay with the operations that use them.
    if (kept.some(([, op]) => isOperation(op))) paths[path] = Object.fromEntries(kept);
  }
  const reached = reachableRefs(full, paths);
  const only = <T>(kind: string, byName: Record<string, T>) =>
    Object.fromEntries(Object.entries(byName).filter(([name]) => reached.has(`#/components/${kind}/${name}`)));
  const c = full.components;
  return {
    ...full,
    tags: (Array.isArray(full.tags) ? full.tags : []).filter((t: { name: string }) => tags.has(t.name)),
    "x-tagGroups": [group],
    paths,
    components: {
      schemas: only("schemas", c.schemas),
      parameters: only("parameters", c.parameters),
      responses: only("responses", c.responses),
      headers: only("headers", c.headers),
      securitySchemes: c.securitySchemes,
    },
  };
}

/** The apps of the document, in document order (the `x-tagGroups` names). */
export function appNames(full: OpenApiDocument): string[] {
  return tagGroups(full).map((g) => g.name);
}

/** Tag name → app, for a link to `#/<tag>/<operationId>` to pick the app's document. */
export function appOfTags(full: OpenApiDocument): Record<string, string> {
  return Object.fromEntries(tagGroups(full).flatMap((g) => g.tags.map((t) => [t, g.name])));
}

interface TagGroup {
  name: string;
  tags: string[];
}

function tagGroups(full: OpenApiDocument): TagGroup[] {
  const groups = full["x-tagGroups"];
  return Array.isArray(groups) ? groups.filter(isTagGroup) : [];
}

function isTagGroup(g: unknown): g is TagGroup {
  return typeof g === "object" && g !== null && "name" in g && "tags" in g && Array.isArray(g.tags);
}

function isOperation(op: unknown): op is { tags: string[] } {
  return typeof op === "object" && op !== null && "tags" in op && Array.isArray(op.tags);
}

/** Every `#/components/…` reference reachable from `paths`, following references in components. */
function reachableRefs(full: OpenApiDocument, paths: unknown): Set<string> {
  const seen = new Set<string>();
  const queue: unknown[] = [paths];
  while (queue.length) {
    const node = queue.pop();
    if (Array.isArray(node)) queue.push(...node);
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key !== "$ref" || typeof value !== "string") queue.push(value);
        else if (!seen.has(value)) {
          seen.add(value);
          // A reference into a component (`…/schemas/ReferenceAttributes/$defs/Server`) keeps the whole component.
          seen.add(value.split("/").slice(0, 4).join("/"));
          queue.push(pointer(full, value));
        }
      }
    }
  }
  return seen;
}

function pointer(doc: unknown, ref: string): unknown {
  let node = doc;
  for (const part of ref.replace(/^#\//, "").split("/")) {
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    node = typeof node === "object" && node !== null ? Reflect.get(node, key) : undefined;
  }
  return node;
}
