/**
 * A forwarding's name when it is given none (Ralph LRS's entries have none): its
 * URL without the scheme and trailing slashes, `lrs1.example.com/xAPI/statements`,
 * then ` #2`, ` #3`… while `taken` says the name is in use. `RACKPLANE_FORWARDINGS`
 * and the API both name forwardings with it.
 */
export function derivedName(url: string, taken: (name: string) => boolean): string {
  // 90 of the 100 characters a name may have: room for the suffix.
  const bare = url
    .replace(/^https?:\/\//, "")
    .replace(/\/+$/, "")
    .slice(0, 90);
  if (!taken(bare)) return bare;
  for (let n = 2; ; n++) if (!taken(`${bare} #${n}`)) return `${bare} #${n}`;
}
