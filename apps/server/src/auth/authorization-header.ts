/**
 * Splits an `Authorization` header into its scheme (lower case) and credential.
 * Besides `Token <key>` it reads Alpacon's `token="<key>"` (and `Token "<key>"`,
 * `Token key="<key>"`): the quotes and the `key=` label are not part of the key.
 */
export function splitAuthorization(header: string): { scheme: string; cred: string } {
  const m = /^([A-Za-z][\w-]*)(?:\s+|(?==))(.*)$/s.exec(header.trim());
  if (!m) return { scheme: header.trim().toLowerCase(), cred: "" };
  const scheme = m[1]!.toLowerCase();
  let cred = m[2]!.trim();
  if (scheme === "token") {
    const quoted = /^(?:(?:key)?\s*=\s*)?"([^"]*)"$/i.exec(cred) ?? /^=\s*(\S+)$/.exec(cred);
    if (quoted) cred = quoted[1]!;
  }
  return { scheme, cred };
}
