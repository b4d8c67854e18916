import { RedfishClient, RedfishError, type RedfishObject } from "./client";

/** What a BMC says about its system; `null` lists are parts the BMC does not serve ("unknown"). */
export interface Inventory {
  system: {
    path: string;
    id: string;
    uuid: string;
    name: string;
    manufacturer: string;
    model: string;
    serial_number: string;
    sku: string;
    bios_version: string;
    power_state: "on" | "off" | "unknown";
  };
  processors:
    | {
        name: string;
        manufacturer: string;
        model: string;
        cores: number | null;
        threads: number | null;
        speed_mhz: number | null;
      }[]
    | null;
  ethernet_interfaces: { name: string; mac: string; speed_mbps: number | null; link_status: string }[] | null;
  storages:
    | { name: string; controllers: unknown[]; drives: unknown[]; volumes: unknown[]; capacity_bytes: number | null }[]
    | null;
  firmwares: { name: string; version: string; updateable: boolean | null }[] | null;
  /** Parts the BMC did not serve, by name. */
  unknown: string[];
}

const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function powerState(v: unknown): "on" | "off" | "unknown" {
  return v === "On" ? "on" : v === "Off" ? "off" : "unknown";
}

/** The first computer system, reached from the service root. */
export async function firstSystem(c: RedfishClient): Promise<RedfishObject> {
  const root = await c.root();
  const systems = RedfishClient.link(root, "Systems");
  if (!systems) throw new RedfishError("protocol", `${c.baseUrl}: the service root links no Systems.`);
  const col = await c.get(systems);
  const first = (col.Members as RedfishObject[] | undefined)?.[0]?.["@odata.id"];
  if (!first) throw new RedfishError("protocol", `${c.baseUrl}: the Systems collection is empty.`);
  return c.get(first);
}

/** Reads a part the BMC may not serve: a missing link or a 404/501 makes it `null` (unknown). */
async function part<T>(
  c: RedfishClient,
  path: string | undefined,
  read: (members: RedfishObject[]) => Promise<T[]> | T[],
  serverErrorIsUnknown = false,
) {
  if (!path) return null;
  try {
    return await read(await c.members(path));
  } catch (e) {
    if (e instanceof RedfishError && (e.kind === "not_found" || e.kind === "not_supported")) return null;
    if (serverErrorIsUnknown && e instanceof RedfishError && e.kind === "http" && (e.status ?? 0) >= 500) return null;
    throw e;
  }
}

export async function readInventory(c: RedfishClient, progress?: (pct: number) => Promise<void>): Promise<Inventory> {
  const root = await c.root();
  const sys = await firstSystem(c);
  await progress?.(30);
  const system = {
    path: str(sys["@odata.id"]),
    id: str(sys.Id),
    uuid: str(sys.UUID),
    name: str(sys.Name),
    manufacturer: str(sys.Manufacturer),
    model: str(sys.Model),
    serial_number: str(sys.SerialNumber),
    sku: str(sys.SKU),
    bios_version: str(sys.BiosVersion),
    power_state: powerState(sys.PowerState),
  };
  const processors = await part(c, RedfishClient.link(sys, "Processors"), (ms) =>
    ms.map((p) => ({
      name: str(p.Name ?? p.Id),
      manufacturer: str(p.Manufacturer),
      model: str(p.Model),
      cores: num(p.TotalCores),
      threads: num(p.TotalThreads),
      speed_mhz: num(p.MaxSpeedMHz),
    })),
  );
  const ethernet_interfaces = await part(c, RedfishClient.link(sys, "EthernetInterfaces"), (ms) =>
    ms.map((n) => ({
      name: str(n.Name ?? n.Id),
      mac: str(n.MACAddress ?? n.PermanentMACAddress).toLowerCase(),
      speed_mbps: num(n.SpeedMbps),
      link_status: str(n.LinkStatus),
    })),
  );
  await progress?.(55);
  const storages = await part(c, RedfishClient.link(sys, "Storage"), async (ms) => {
    const out = [];
    for (const s of ms) {
      const drives = [];
      for (const d of (s.Drives as RedfishObject[] | undefined) ?? []) {
        const drive = await c.optional(str(d["@odata.id"]) || undefined);
        if (drive)
          drives.push({
            name: str(drive.Name ?? drive.Id),
            capacity_bytes: num(drive.CapacityBytes),
            protocol: str(drive.Protocol),
          });
      }
      // Some BMCs (sushy without volumes configured) answer 5xx for an empty Volumes: unknown, not fatal.
      const volumes =
        (await part(
          c,
          RedfishClient.link(s, "Volumes"),
          (vs) =>
            vs.map((v) => ({
              name: str(v.Name ?? v.Id),
              capacity_bytes: num(v.CapacityBytes),
              raid_type: str(v.RAIDType),
            })),
          true,
        )) ?? [];
      const controllers = ((s.StorageControllers as RedfishObject[] | undefined) ?? []).map((k) => ({
        name: str(k.Name ?? k.MemberId),
        speed_gbps: num(k.SpeedGbps),
      }));
      const total = drives.reduce((a, d) => a + (d.capacity_bytes ?? 0), 0);
      out.push({
        name: str(s.Name ?? s.Id),
        controllers,
        drives,
        volumes,
        capacity_bytes: drives.length ? total : null,
      });
    }
    return out;
  });
  await progress?.(75);
  const inventoryPath = RedfishClient.link(
    await c.optional(RedfishClient.link(root, "UpdateService")),
    "FirmwareInventory",
  );
  let firmwares = await part(c, inventoryPath, (ms) =>
    ms.map((f) => ({
      name: str(f.Name ?? f.Id),
      version: str(f.Version),
      updateable: typeof f.Updateable === "boolean" ? f.Updateable : null,
    })),
  );
  // The system's own BIOS version counts as firmware even where FirmwareInventory is not served.
  if (system.bios_version && !firmwares?.some((f) => /bios/i.test(f.name)))
    firmwares = [{ name: "BIOS", version: system.bios_version, updateable: null }, ...(firmwares ?? [])];
  const unknown = Object.entries({ processors, ethernet_interfaces, storages, firmwares })
    .filter(([, v]) => v === null)
    .map(([k]) => k);
  return { system, processors, ethernet_interfaces, storages, firmwares, unknown };
}
