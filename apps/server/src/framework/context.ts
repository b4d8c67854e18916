import type { PermissionSet } from "./permissions";

/** Per-request facts the framework needs beyond the parsed input. */
export interface RequestContext {
  requestId: string;
  /** `scheme://host` used to build absolute URLs. */
  baseUrl: string;
  /** Original query string parameters (for next/previous links). */
  query: Record<string, unknown>;
  /** Path of the request without its query. */
  path: string;
  /** Who is calling (absent for anonymous requests and internal calls, e.g. bootstrap and jobs). */
  user?: Principal;
  /** An HTTP request without credentials (anonymous read): object-level rules treat it as a user of no groups. */
  anonymous?: boolean;
}

/** An authenticated caller. */
export interface Principal {
  id: number;
  username: string;
  isSuperuser: boolean;
  groupIds: number[];
  groups: string[];
  method: "token" | "jwt" | "basic";
  /** `<app>:read|write` the credential is limited to; null = every app. */
  scopes: string[] | null;
  writeEnabled: boolean;
  tokenId?: number;
  /** Object permissions that apply to this caller (absent: none do; see framework/permissions.ts). */
  permissions?: PermissionSet;
}
