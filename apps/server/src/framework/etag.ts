import { hash } from "node:crypto";
import { ApiError } from "./errors";

/**
 * Strong validator of a representation: a hash of its JSON. Computed from what
 * is sent (nested names included), so it changes whenever the body would.
 */
export const etagOf = (body: unknown) => etagOfJson(JSON.stringify(body));
/** The same from the JSON text itself (the text that is sent, serialized once for both). */
export const etagOfJson = (json: string) => `"${hash("sha1", json, "base64url")}"`;

/** Whether an `If-Match` / `If-None-Match` header value names `etag` (or is `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === etag);
}

/** `If-Match` on PUT/PATCH: the stored object must still be the one the client read. */
export function ifMatch(header: string | undefined) {
  if (!header) return undefined;
  return (current: Record<string, unknown>) => {
    if (!etagMatches(header, etagOf(current)))
      throw new ApiError(412, {
        detail: "Precondition failed: the object changed since you read it (If-Match). Read it again and retry.",
      });
  };
}
