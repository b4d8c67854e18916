/** Per-request facts the framework needs beyond the parsed input. */
export interface RequestContext {
  requestId: string;
  /** `scheme://host` used to build absolute URLs. */
  baseUrl: string;
  /** Original query string parameters (for next/previous links). */
  query: Record<string, unknown>;
  /** Path of the request without its query. */
  path: string;
}
