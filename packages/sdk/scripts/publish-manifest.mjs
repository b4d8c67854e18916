// The manifest a registry user installs. In the workspace, package.json names its
// dependencies by `catalog:` and `workspace:` ranges, which only pnpm understands;
// `npm pack` would ship them as they are (EUNSUPPORTEDPROTOCOL on install). Run as
// `prepack` it writes package.json with the catalog's real ranges and without
// devDependencies (the contract is compiled into dist/), keeping the original
// beside it; `postpack` puts the original back. Both npm and pnpm run these hooks.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifestPath = join(pkgDir, "package.json");
const backupPath = join(pkgDir, ".package.json.workspace");

/** The `catalog:` block of pnpm-workspace.yaml: `name: range` lines, names optionally quoted. */
export function readCatalog(workspaceYaml) {
  const catalog = {};
  let inside = false;
  for (const line of workspaceYaml.split("\n")) {
    if (/^catalog:\s*$/.test(line)) {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (/^\S/.test(line)) break;
    const m = /^\s+("?)([^":]+)\1:\s*(\S+)\s*$/.exec(line);
    if (m) catalog[m[2]] = m[3];
  }
  return catalog;
}

export function publishManifest(manifest, catalog) {
  const out = { ...manifest };
  delete out.devDependencies;
  out.scripts = Object.fromEntries(
    Object.entries(manifest.scripts ?? {}).filter(([k]) => k !== "prepack" && k !== "postpack"),
  );
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    if (!manifest[field]) continue;
    out[field] = Object.fromEntries(
      Object.entries(manifest[field]).map(([name, range]) => {
        if (range === "catalog:" || range === "catalog:default") {
          if (!catalog[name]) throw new Error(`${name}: not in the workspace catalog`);
          return [name, catalog[name]];
        }
        if (String(range).startsWith("workspace:") || String(range).startsWith("catalog:"))
          throw new Error(`${name}: ${range} cannot be published (bundle it into dist/ instead)`);
        return [name, range];
      }),
    );
  }
  return out;
}

const command = process.argv[2];
if (command === "write") {
  if (existsSync(backupPath)) throw new Error(`${backupPath} exists: a previous pack did not finish; restore it first`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const catalog = readCatalog(readFileSync(join(pkgDir, "../../pnpm-workspace.yaml"), "utf8"));
  copyFileSync(manifestPath, backupPath);
  writeFileSync(manifestPath, `${JSON.stringify(publishManifest(manifest, catalog), null, 2)}\n`);
} else if (command === "restore") {
  if (existsSync(backupPath)) renameSync(backupPath, manifestPath);
} else if (command !== undefined) {
  throw new Error(`usage: publish-manifest.mjs write|restore`);
}
