/**
 * Swagger UI plugin: an operation (or schema) is resolved against the part of the document
 * it reaches, not against the whole document.
 *
 * Why: on every operation opened, swagger-client's OpenAPI 3.1 resolver converts the whole
 * document it is given into ApiDOM elements and runs its normalizations over all of it, twice
 * (before dereferencing and again after; the conversion twice too, as its cache is keyed by
 * object identity and Swagger UI hands it a fresh copy each time). So the cost of opening one
 * operation followed the size of the document, not of the operation (bench/RESULTS.md).
 *
 * What a subtree resolves to depends only on what it references, transitively, plus the
 * document's top-level fields (`security`, `servers`) and its path item's shared fields
 * (`parameters`): that part, handed to the same resolver, gives the same result
 * (test/docs-ui.test.ts compares the two). Whatever this cannot follow (a reference that is
 * not a local JSON pointer, `$id`/`$anchor`/`$dynamicRef`, a missing target) falls back to
 * the whole document, so the resolver sees and reports it as before.
 */
(() => {
  const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
  const LOCATION_KEYWORDS = new Set(["$id", "$anchor", "$dynamicRef", "$dynamicAnchor"]);
  const token = (t) => decodeURIComponent(t).replace(/~1/g, "/").replace(/~0/g, "~");

  /** The part of `doc` that resolving the subtree at `path` reads, or undefined when it cannot tell. */
  function reachable(doc, path) {
    if (!doc || typeof doc !== "object" || !Array.isArray(path) || path.length < 2) return undefined;
    if (path[0] !== "paths" && path[0] !== "components") return undefined;
    const part = {};
    for (const [key, value] of Object.entries(doc)) {
      if (key !== "paths" && key !== "components" && key !== "webhooks") part[key] = value;
    }
    const pending = [];
    /** Copies doc's value at `tokens` into `part` (containers on the way only partly); false if absent. */
    const take = (tokens) => {
      let from = doc;
      let to = part;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (from === null || typeof from !== "object" || Array.isArray(from) || !Object.hasOwn(from, t)) return false;
        if (to[t] === from[t]) return true; // already taken whole
        // An array is taken whole: its indices must stay what the pointers say.
        if (i === tokens.length - 1 || Array.isArray(from[t]) || from[t] === null || typeof from[t] !== "object") {
          to[t] = from[t];
          pending.push(from[t]);
          return true;
        }
        to[t] ??= {};
        from = from[t];
        to = to[t];
      }
      return true;
    };
    if (path[0] === "paths") {
      // The path item's shared fields and the one operation asked for (all of them for a path item).
      const item = doc.paths?.[path[1]];
      if (!item || typeof item !== "object") return undefined;
      const kept = {};
      for (const [key, value] of Object.entries(item)) {
        if (!METHODS.has(key) || path.length === 2 || key === path[2]) kept[key] = value;
      }
      part.paths = { [path[1]]: kept };
      pending.push(kept);
    } else if (!take(path)) return undefined;

    const seen = new Set();
    while (pending.length > 0) {
      const value = pending.pop();
      if (value === null || typeof value !== "object" || seen.has(value)) continue;
      seen.add(value);
      for (const [key, inner] of Object.entries(value)) {
        if (key === "$ref" && typeof inner === "string") {
          if (!inner.startsWith("#/") || !take(inner.slice(2).split("/").map(token))) return undefined;
        } else if (LOCATION_KEYWORDS.has(key) && typeof inner === "string") {
          return undefined;
        } else {
          pending.push(inner);
        }
      }
    }
    return part;
  }

  window.RackplaneSwaggerSubtree = () => ({
    afterLoad(system) {
      const inWholeDocument = system.fn.resolveSubtree;
      // Kept for comparison: the test checks that both give the same subtree.
      system.fn.resolveSubtreeInWholeDocument = inWholeDocument;
      system.fn.resolveSubtree = (spec, path, options = {}) =>
        inWholeDocument((!options.returnEntireTree && reachable(spec, path)) || spec, path, options);
    },
  });
  window.RackplaneSwaggerSubtree.reachable = reachable;
})();
