/**
 * Swagger UI plugin: a parameter row finds its parameter and its entered value / errors in
 * one pass over the operation's parameters.
 *
 * Why: Swagger UI's `parameterWithMetaByIdentity` merges the row's meta into every parameter
 * of the operation and then picks the one the row is about; each row asks several times
 * while it renders, so opening an operation costs the square of its parameter count
 * (`dcim_servers_list` has 173; ≈ 15 % of its open, bench/RESULTS.md). Picking first and
 * merging once gives the same map: the meta holds values and errors, never `in` or `name`
 * (if it ever did, Swagger UI's own selector answers).
 */
(() => {
  const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

  /** The row's parameter merged with its meta, or `original` when this cannot tell. */
  const parameterWithMetaByIdentity = (original, system) => (state, pathMethod, param) => {
    const plugin = window.RackplaneSwaggerParameterMeta;
    if (
      plugin.bypass ||
      !Array.isArray(pathMethod) ||
      !METHODS.has(pathMethod[1]) ||
      typeof param?.get !== "function"
    ) {
      return original(pathMethod, param);
    }
    try {
      const { OrderedMap } = system.Im;
      const key = `${param.get("in")}.${param.get("name")}`;
      const meta = state.getIn(["meta", "paths", ...pathMethod, "parameters"], OrderedMap());
      const byName = meta.get(key);
      const byHash = meta.get(`${key}.hash-${param.hashCode()}`);
      const renames = (m) => m?.has?.("in") || m?.has?.("name");
      if (renames(byName) || renames(byHash)) return original(pathMethod, param);
      const found = system.specSelectors
        .specJsonWithResolvedSubtrees()
        .getIn(["paths", ...pathMethod, "parameters"], OrderedMap())
        .find((p) => p.get("in") === param.get("in") && p.get("name") === param.get("name"));
      // Not found: undefined, as Swagger UI's (its `find` gets the empty map as a context, not a default).
      return found === undefined ? undefined : OrderedMap().merge(found, byName, byHash);
    } catch {
      return original(pathMethod, param); // whatever Swagger UI makes of it
    }
  };

  window.RackplaneSwaggerParameterMeta = () => ({
    statePlugins: { spec: { wrapSelectors: { parameterWithMetaByIdentity } } },
  });
  // true: Swagger UI's own selector answers (the test compares the two).
  window.RackplaneSwaggerParameterMeta.bypass = false;
})();
