import { readdirSync, readFileSync } from "node:fs";
import postgres from "postgres";

/** Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ, 100 on Linux everywhere that matters). */
const HZ = 100;

/** User + system CPU seconds `pid` has used so far (0 once it is gone). */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name (which may itself hold spaces): utime is 14th, stime 15th.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(rest[11]) + Number(rest[12])) / HZ;
  } catch {
    return 0;
  }
}

/** `pid` and every process below it: the server runs as tsx → node, and the load is on the child. */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const t of readdirSync(`/proc/${out[i]}/task`)) {
        const kids = readFileSync(`/proc/${out[i]}/task/${t}/children`, "utf8").trim();
        if (kids) out.push(...kids.split(" ").map(Number));
      }
    } catch {}
  }
  return out;
}

/** CPU seconds used by a process tree, summed. */
export const treeCpu = (pid: number) => processTree(pid).reduce((s, p) => s + cpuOf(p), 0);

/**
 * CPU seconds of the PostgreSQL backends connected to `database` (the program under
 * test's pool): read from `/proc` by the pids `pg_stat_activity` names, so other
 * databases on the same server (other people's work) are not counted, nor autovacuum
 * and other background workers in this one (a freshly seeded table keeps one busy).
 */
export async function backendsCpu(url: string, database: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<
      { pid: number }[]
    >`SELECT pid FROM pg_stat_activity WHERE datname = ${database} AND backend_type = 'client backend' AND pid <> pg_backend_pid()`;
    return rows.reduce((s, r) => s + cpuOf(r.pid), 0);
  } finally {
    await sql.end();
  }
}
