import { AUTH } from "./processes";

/** The same request to both programs gives the same JSON once their own addresses are masked. */
export async function sameJson(serverBase: string, floorBase: string, path: string): Promise<boolean> {
  const get = async (base: string) =>
    (await (await fetch(base + path, { headers: AUTH })).text()).replaceAll(base, "BASE");
  const [a, b] = await Promise.all([get(serverBase), get(floorBase)]);
  const same = JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  if (!same) {
    const i = [...a].findIndex((ch, k) => ch !== b[k]);
    console.log(
      `JSON differs for ${path} at ${i}:\n server ${a.slice(Math.max(0, i - 80), i + 80)}\n floor  ${b.slice(Math.max(0, i - 80), i + 80)}`,
    );
  }
  return same;
}
